//! A small SVG writer and the dashboard's charts (stacked monthly bars, a line chart, a
//! compact stacked bar), rendered on the server so pages need no script or network.

use std::fmt::Write;

/// Escapes text for XML/HTML content and attribute values.
pub fn esc(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&#39;"),
            _ => o.push(c),
        }
    }
    o
}

/// QuadClass colours (1 verbal cooperation .. 4 material conflict) and names.
pub const QUAD_COLORS: [&str; 4] = ["#7fbf7b", "#1b7837", "#f1a340", "#c0392b"];
pub const QUAD_NAMES: [&str; 4] = [
    "Verbal cooperation",
    "Material cooperation",
    "Verbal conflict",
    "Material conflict",
];

/// An SVG document under construction.
pub struct Svg {
    w: f64,
    h: f64,
    body: String,
}

impl Svg {
    pub fn new(w: f64, h: f64) -> Svg {
        Svg {
            w,
            h,
            body: String::new(),
        }
    }
    pub fn rect(&mut self, x: f64, y: f64, w: f64, h: f64, fill: &str, title: Option<&str>) {
        let _ = write!(
            self.body,
            r#"<rect x="{x:.1}" y="{y:.1}" width="{:.1}" height="{:.1}" fill="{fill}">"#,
            w.max(0.0),
            h.max(0.0)
        );
        if let Some(t) = title {
            let _ = write!(self.body, "<title>{}</title>", esc(t));
        }
        self.body.push_str("</rect>");
    }
    #[allow(clippy::too_many_arguments)] // coordinates + style read best flat
    pub fn line(
        &mut self,
        x1: f64,
        y1: f64,
        x2: f64,
        y2: f64,
        stroke: &str,
        width: f64,
        dash: bool,
    ) {
        let _ = write!(
            self.body,
            r#"<line x1="{x1:.1}" y1="{y1:.1}" x2="{x2:.1}" y2="{y2:.1}" stroke="{stroke}" stroke-width="{width}"{}/>"#,
            if dash {
                r#" stroke-dasharray="4 3""#
            } else {
                ""
            }
        );
    }
    pub fn polyline(&mut self, pts: &[(f64, f64)], stroke: &str, width: f64) {
        let p: Vec<String> = pts.iter().map(|(x, y)| format!("{x:.1},{y:.1}")).collect();
        let _ = write!(
            self.body,
            r#"<polyline points="{}" fill="none" stroke="{stroke}" stroke-width="{width}" stroke-linejoin="round"/>"#,
            p.join(" ")
        );
    }
    pub fn circle(&mut self, x: f64, y: f64, r: f64, fill: &str, title: Option<&str>) {
        let _ = write!(
            self.body,
            r#"<circle cx="{x:.1}" cy="{y:.1}" r="{r}" fill="{fill}">"#
        );
        if let Some(t) = title {
            let _ = write!(self.body, "<title>{}</title>", esc(t));
        }
        self.body.push_str("</circle>");
    }
    /// Text; `anchor` is start, middle or end.
    pub fn text(&mut self, x: f64, y: f64, s: &str, anchor: &str, class: &str) {
        let _ = write!(
            self.body,
            r#"<text x="{x:.1}" y="{y:.1}" text-anchor="{anchor}" class="{class}">{}</text>"#,
            esc(s)
        );
    }
    pub fn rotated_text(&mut self, x: f64, y: f64, s: &str, class: &str) {
        let _ = write!(
            self.body,
            r#"<text x="{x:.1}" y="{y:.1}" text-anchor="middle" class="{class}" transform="rotate(-90 {x:.1} {y:.1})">{}</text>"#,
            esc(s)
        );
    }
    pub fn finish(self, label: &str, class: &str) -> String {
        format!(
            r#"<svg xmlns="http://www.w3.org/2000/svg" class="{class}" viewBox="0 0 {w} {h}" width="100%" role="img" aria-label="{l}"><title>{l}</title>{b}</svg>"#,
            w = self.w,
            h = self.h,
            l = esc(label),
            b = self.body
        )
    }
}

/// Every month from `first` to `last` inclusive (`YYYY-MM`), so gaps show as gaps.
pub fn month_range(first: &str, last: &str) -> Vec<String> {
    let parse = |s: &str| -> Option<(i32, i32)> {
        Some((s.get(..4)?.parse().ok()?, s.get(5..7)?.parse().ok()?))
    };
    let (Some((mut y, mut m)), Some((ly, lm))) = (parse(first), parse(last)) else {
        return vec![];
    };
    let mut out = Vec::new();
    while (y, m) <= (ly, lm) && out.len() < 600 {
        out.push(format!("{y:04}-{m:02}"));
        m += 1;
        if m > 12 {
            m = 1;
            y += 1;
        }
    }
    out
}

/// The smallest step of 1, 2 or 5 times a power of ten (at least 1) that is >= `v`.
fn count_step(v: f64) -> f64 {
    let mut p = 1.0;
    loop {
        for k in [1.0, 2.0, 5.0] {
            if k * p >= v {
                return k * p;
            }
        }
        p *= 10.0;
    }
}

fn nice_max(v: f64) -> f64 {
    if v <= 0.0 {
        return 1.0;
    }
    let p = 10f64.powf(v.log10().floor());
    for k in [1.0, 2.0, 2.5, 5.0, 10.0] {
        if k * p >= v {
            return k * p;
        }
    }
    10.0 * p
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

fn month_label(m: &str) -> String {
    let idx: usize = m.get(5..7).and_then(|s| s.parse().ok()).unwrap_or(1);
    format!(
        "{} {}",
        MONTHS[(idx.clamp(1, 12)) - 1],
        m.get(2..4).unwrap_or("")
    )
}

/// Label every k-th month so labels never collide.
fn label_step(n: usize, width: f64) -> usize {
    ((n as f64 * 46.0 / width).ceil() as usize).max(1)
}

/// Stacked bars of events per month by QuadClass, with axes and a legend.
/// `data` is (month, [q1..q4]) for months that have events.
pub fn quad_bars(data: &[(String, [u64; 4])], href_for_month: impl Fn(&str) -> String) -> String {
    let (w, h) = (900.0, 300.0);
    let (ml, mr, mt, mb) = (48.0, 16.0, 34.0, 48.0);
    let mut svg = Svg::new(w, h);
    let months = match (data.first(), data.last()) {
        (Some(f), Some(l)) => month_range(&f.0, &l.0),
        _ => vec![],
    };
    legend(&mut svg, ml, 16.0);
    if months.is_empty() {
        svg.text(w / 2.0, h / 2.0, "No dated events", "middle", "muted");
        return svg.finish("Events per month by QuadClass", "chart");
    }
    let max = data
        .iter()
        .map(|(_, q)| q.iter().sum::<u64>())
        .max()
        .unwrap_or(1) as f64;
    // Whole-number ticks: a step of 1, 2 or 5 times a power of ten, about four of them.
    let tick = count_step(max / 4.0);
    let ticks = (max / tick).ceil().max(1.0) as usize;
    let ymax = tick * ticks as f64;
    let pw = w - ml - mr;
    let ph = h - mt - mb;
    let bw = pw / months.len() as f64;
    for i in 0..=ticks {
        let v = tick * i as f64;
        let y = mt + ph - ph * v / ymax;
        svg.line(ml, y, w - mr, y, "#e5e7eb", 1.0, false);
        svg.text(ml - 6.0, y + 4.0, &format!("{v:.0}"), "end", "tick");
    }
    svg.rotated_text(14.0, mt + ph / 2.0, "events", "axis");
    let step = label_step(months.len(), pw);
    for (i, m) in months.iter().enumerate() {
        let x = ml + bw * i as f64;
        if let Some((_, q)) = data.iter().find(|(dm, _)| dm == m) {
            let mut y = mt + ph;
            for (k, &n) in q.iter().enumerate() {
                if n == 0 {
                    continue;
                }
                let bh = ph * n as f64 / ymax;
                y -= bh;
                let title = format!("{m}: {n} {}", QUAD_NAMES[k].to_lowercase());
                let href = href_for_month(m);
                svg.body.push_str(&format!(r#"<a href="{}">"#, esc(&href)));
                // Bars stay slim when there are only a few months.
                let bar = (bw * 0.76).min(56.0);
                svg.rect(
                    x + (bw - bar) / 2.0,
                    y,
                    bar,
                    bh,
                    QUAD_COLORS[k],
                    Some(&title),
                );
                svg.body.push_str("</a>");
            }
        }
        if i % step == 0 {
            svg.text(
                x + bw / 2.0,
                h - mb + 16.0,
                &month_label(m),
                "middle",
                "tick",
            );
        }
    }
    svg.line(ml, mt + ph, w - mr, mt + ph, "#9ca3af", 1.0, false);
    svg.text(
        ml + pw / 2.0,
        h - 8.0,
        "month of the event",
        "middle",
        "axis",
    );
    svg.finish("Events per month by QuadClass", "chart")
}

fn legend(svg: &mut Svg, x0: f64, y: f64) {
    let mut x = x0;
    for k in 0..4 {
        svg.rect(x, y - 9.0, 11.0, 11.0, QUAD_COLORS[k], None);
        svg.text(x + 16.0, y, QUAD_NAMES[k], "start", "legend");
        x += 16.0 + QUAD_NAMES[k].len() as f64 * 6.6 + 18.0;
    }
}

/// Mean Goldstein score per month as a line over the -10..10 scale, with the zero line.
pub fn goldstein_line(data: &[(String, f64, u64)]) -> String {
    let (w, h) = (900.0, 240.0);
    let (ml, mr, mt, mb) = (48.0, 16.0, 16.0, 44.0);
    let mut svg = Svg::new(w, h);
    let months = match (data.first(), data.last()) {
        (Some(f), Some(l)) => month_range(&f.0, &l.0),
        _ => vec![],
    };
    if months.is_empty() {
        svg.text(w / 2.0, h / 2.0, "No dated events", "middle", "muted");
        return svg.finish("Mean Goldstein score per month", "chart");
    }
    let pw = w - ml - mr;
    let ph = h - mt - mb;
    let bw = pw / months.len() as f64;
    let y_of = |g: f64| mt + ph * (10.0 - g.clamp(-10.0, 10.0)) / 20.0;
    // Shade cooperation (above 0) and conflict (below 0) halves lightly.
    svg.rect(ml, mt, pw, ph / 2.0, "#f0f7f1", None);
    svg.rect(ml, mt + ph / 2.0, pw, ph / 2.0, "#fbf1ef", None);
    for g in [-10.0, -5.0, 0.0, 5.0, 10.0] {
        let y = y_of(g);
        svg.line(
            ml,
            y,
            w - mr,
            y,
            if g == 0.0 { "#6b7280" } else { "#e5e7eb" },
            1.0,
            g != 0.0,
        );
        svg.text(
            ml - 6.0,
            y + 4.0,
            &format!("{g:+}").replace("+0", "0"),
            "end",
            "tick",
        );
    }
    svg.rotated_text(14.0, mt + ph / 2.0, "mean Goldstein", "axis");
    // Points per month; a month with no events breaks the line into segments.
    let mut segments: Vec<Vec<(f64, f64)>> = vec![vec![]];
    let mut dots: Vec<(f64, f64, f64, u64, String)> = Vec::new();
    let step = label_step(months.len(), pw);
    for (i, m) in months.iter().enumerate() {
        let x = ml + bw * (i as f64 + 0.5);
        match data.iter().find(|(dm, _, _)| dm == m) {
            Some((_, g, n)) => {
                segments
                    .last_mut()
                    .expect("one segment")
                    .push((x, y_of(*g)));
                dots.push((x, y_of(*g), *g, *n, m.clone()));
            }
            None => {
                if segments.last().is_some_and(|s| !s.is_empty()) {
                    segments.push(vec![]);
                }
            }
        }
        if i % step == 0 {
            svg.text(x, h - mb + 16.0, &month_label(m), "middle", "tick");
        }
    }
    for s in segments.iter().filter(|s| s.len() > 1) {
        svg.polyline(s, "#374151", 2.0);
    }
    for d in dots {
        dot(&mut svg, d);
    }
    svg.text(
        ml + pw / 2.0,
        h - 6.0,
        "month (cooperation above 0, conflict below)",
        "middle",
        "axis",
    );
    svg.finish("Mean Goldstein score per month", "chart")
}

fn dot(svg: &mut Svg, p: (f64, f64, f64, u64, String)) {
    let color = if p.2 >= 0.0 { "#1b7837" } else { "#c0392b" };
    svg.circle(
        p.0,
        p.1,
        3.5,
        color,
        Some(&format!("{}: mean {:.2} over {} events", p.4, p.2, p.3)),
    );
}

/// A compact horizontal stacked bar of QuadClass shares (for the pairs table).
pub fn quad_strip(q: &[u64; 4]) -> String {
    let total: u64 = q.iter().sum();
    let (w, h) = (160.0, 14.0);
    let mut svg = Svg::new(w, h);
    if total == 0 {
        svg.rect(0.0, 0.0, w, h, "#e5e7eb", Some("no events"));
    } else {
        let mut x = 0.0;
        for k in 0..4 {
            let bw = w * q[k] as f64 / total as f64;
            svg.rect(
                x,
                0.0,
                bw,
                h,
                QUAD_COLORS[k],
                Some(&format!("{} {}", q[k], QUAD_NAMES[k].to_lowercase())),
            );
            x += bw;
        }
    }
    svg.finish("Events by QuadClass", "strip")
}

/// Numeric facts of one indicator over their periods, as dots with the values; flagged
/// facts drawn hollow in red.
pub fn fact_dots(title: &str, data: &[(String, f64, bool)]) -> String {
    let (w, h) = (440.0, 220.0);
    let (ml, mr, mt, mb) = (78.0, 12.0, 40.0, 40.0);
    let mut svg = Svg::new(w, h);
    svg.text(ml, 18.0, title, "start", "legend");
    let mut periods: Vec<&str> = data.iter().map(|d| d.0.as_str()).collect();
    periods.sort();
    periods.dedup();
    let max = data.iter().map(|d| d.1).fold(0.0, f64::max);
    if periods.is_empty() || max <= 0.0 {
        svg.text(w / 2.0, h / 2.0, "No values", "middle", "muted");
        return svg.finish(title, "chart small");
    }
    let ymax = nice_max(max);
    let pw = w - ml - mr;
    let ph = h - mt - mb;
    let bw = pw / periods.len() as f64;
    for i in 0..=2 {
        let v = ymax * i as f64 / 2.0;
        let y = mt + ph - ph * i as f64 / 2.0;
        svg.line(ml, y, w - mr, y, "#e5e7eb", 1.0, false);
        svg.text(ml - 6.0, y + 4.0, &human(v), "end", "tick");
    }
    for (i, p) in periods.iter().enumerate() {
        let x = ml + bw * (i as f64 + 0.5);
        svg.text(x, h - mb + 16.0, p, "middle", "tick");
        for (dp, v, flagged) in data.iter().filter(|d| d.0 == *p) {
            let y = mt + ph - ph * v / ymax;
            let t = format!(
                "{dp}: {}{}",
                human(*v),
                if *flagged {
                    " (flagged by a check)"
                } else {
                    ""
                }
            );
            if *flagged {
                svg.body.push_str(&format!(
                    r##"<circle cx="{x:.1}" cy="{y:.1}" r="5" fill="white" stroke="#c0392b" stroke-width="2"><title>{}</title></circle>"##,
                    esc(&t)
                ));
            } else {
                svg.circle(x, y, 4.5, "#2563eb", Some(&t));
            }
        }
    }
    svg.finish(title, "chart small")
}

/// 6.5e9 -> "6.5 bn".
pub fn human(v: f64) -> String {
    let a = v.abs();
    if a >= 1e9 {
        format!("{:.1} bn", v / 1e9)
    } else if a >= 1e6 {
        format!("{:.1} m", v / 1e6)
    } else if a >= 1e3 {
        format!("{:.1} k", v / 1e3)
    } else if v.fract() == 0.0 {
        format!("{v:.0}")
    } else {
        format!("{v:.2}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_are_filled_between_first_and_last() {
        assert_eq!(
            month_range("2024-11", "2025-02"),
            ["2024-11", "2024-12", "2025-01", "2025-02"]
        );
        assert!(month_range("x", "2025-02").is_empty());
    }

    #[test]
    fn count_ticks_are_whole_numbers() {
        assert_eq!(count_step(0.25), 1.0);
        assert_eq!(count_step(8.75), 10.0);
        assert_eq!(count_step(3.0), 5.0);
        let s = quad_bars(&[("2024-01".into(), [20, 5, 5, 5])], |_| String::new());
        assert!(s.contains(">40<") && !s.contains(">12.5<") && !s.contains(">13<"));
    }

    #[test]
    fn text_is_escaped_in_svg() {
        let s = quad_bars(&[("2024-01".into(), [1, 0, 0, 2])], |m| {
            format!("/x?m={m}&a=<b>")
        });
        assert!(s.starts_with("<svg") && s.ends_with("</svg>"));
        assert!(s.contains("&amp;a=&lt;b&gt;"));
        assert_eq!(s.matches("<rect").count(), 4 + 2); // legend swatches + two bar parts
    }
}
