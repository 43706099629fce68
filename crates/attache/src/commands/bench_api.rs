//! `attache bench-api`: a bounded load generator for the HTTP API on loopback; reports
//! throughput and latency percentiles (run it as a second process beside `attache serve`).

use std::process::ExitCode;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use attache_web::client::{parse_url, Conn};

#[derive(clap::Args)]
pub struct Args {
    /// The URL to request, e.g. http://127.0.0.1:8080/api/pairs/KAZ-KOR (loopback only).
    #[arg(long)]
    pub url: String,
    /// Total requests (at most 1,000,000).
    #[arg(long, default_value_t = 2000)]
    pub requests: u64,
    /// Concurrent connections (at most 64).
    #[arg(long, default_value_t = 8)]
    pub concurrency: usize,
    /// Stop after this many seconds even if requests remain (at most 300).
    #[arg(long, default_value_t = 60)]
    pub max_seconds: u64,
    /// Requests sent first and not measured.
    #[arg(long, default_value_t = 50)]
    pub warmup: u64,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let (addr, path) = parse_url(&args.url).map_err(|e| anyhow::anyhow!(e))?;
    if !addr.ip().is_loopback() {
        anyhow::bail!(
            "bench-api only loads loopback servers; {} is not loopback",
            addr.ip()
        );
    }
    let requests = args.requests.clamp(1, 1_000_000);
    let conc = args.concurrency.clamp(1, 64);
    let deadline = Instant::now() + Duration::from_secs(args.max_seconds.clamp(1, 300));

    let mut warm = Conn::connect(addr)?;
    for _ in 0..args.warmup.min(10_000) {
        let r = warm.get(&path)?;
        if r.status != 200 {
            anyhow::bail!(
                "{} answered {}: {}",
                args.url,
                r.status,
                r.body.chars().take(200).collect::<String>()
            );
        }
    }
    drop(warm);

    let next = Arc::new(AtomicU64::new(0));
    let errors = Arc::new(AtomicU64::new(0));
    let started = Instant::now();
    let mut handles = Vec::new();
    for _ in 0..conc {
        let (next, errors, path) = (next.clone(), errors.clone(), path.clone());
        handles.push(std::thread::spawn(move || -> Vec<f64> {
            let mut lat = Vec::new();
            let mut conn = match Conn::connect(addr) {
                Ok(c) => c,
                Err(_) => {
                    errors.fetch_add(1, Ordering::Relaxed);
                    return lat;
                }
            };
            while next.fetch_add(1, Ordering::Relaxed) < requests && Instant::now() < deadline {
                let t = Instant::now();
                match conn.get(&path) {
                    Ok(r) if r.status == 200 => lat.push(t.elapsed().as_secs_f64() * 1000.0),
                    Ok(_) => {
                        errors.fetch_add(1, Ordering::Relaxed);
                    }
                    Err(_) => {
                        errors.fetch_add(1, Ordering::Relaxed);
                        match Conn::connect(addr) {
                            Ok(c) => conn = c,
                            Err(_) => return lat,
                        }
                    }
                }
            }
            lat
        }));
    }
    let mut lat: Vec<f64> = handles
        .into_iter()
        .flat_map(|h| h.join().unwrap_or_default())
        .collect();
    let secs = started.elapsed().as_secs_f64();
    lat.sort_by(|a, b| a.total_cmp(b));
    let pct = |p: f64| -> f64 {
        if lat.is_empty() {
            return 0.0;
        }
        let i = ((p / 100.0) * (lat.len() - 1) as f64).round() as usize;
        (lat[i] * 1000.0).round() / 1000.0
    };
    let summary = serde_json::json!({
        "url": args.url,
        "requests_ok": lat.len(),
        "errors": errors.load(Ordering::Relaxed),
        "concurrency": conc,
        "seconds": (secs * 1000.0).round() / 1000.0,
        "requests_per_second": ((lat.len() as f64 / secs) * 10.0).round() / 10.0,
        "latency_ms": {"p50": pct(50.0), "p90": pct(90.0), "p99": pct(99.0), "max": pct(100.0)},
    });
    println!("{summary}");
    Ok(if errors.load(Ordering::Relaxed) > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
