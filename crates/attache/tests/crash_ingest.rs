//! Crash safety of `attache ingest`: kill it with SIGKILL at random points while it stores
//! Reuters-21578, check the database after every kill, then let a run finish and find every
//! document exactly once. Skips when `../shared` (the corpus) is absent.
//!
//! `ATTACHE_CRASH_FILES=N` limits the corpus to its first N `.sgm` files (default: all 22);
//! `ATTACHE_CRASH_KILLS=K` sets the number of kills (default 20, never fewer than 20 unless set).

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use attache_ingest::{read_inputs, Input, ReadOptions};

fn corpus() -> Option<Vec<PathBuf>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpora/reuters21578");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "sgm"))
        .collect();
    files.sort();
    if files.is_empty() {
        return None;
    }
    if let Some(n) = std::env::var("ATTACHE_CRASH_FILES")
        .ok()
        .and_then(|v| v.parse::<usize>().ok())
    {
        files.truncate(n.max(1));
    }
    Some(files)
}

/// The ids `attache ingest` must store: one per readable input item.
fn expected_ids(files: &[PathBuf]) -> HashSet<String> {
    read_inputs(files, &ReadOptions::default())
        .filter(|i| !matches!(i, Input::Error { .. }))
        .filter_map(|i| i.id().map(str::to_string))
        .collect()
}

struct Lcg(u64);
impl Lcg {
    fn unit(&mut self) -> f64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 11) as f64 / (1u64 << 53) as f64
    }
}

fn ingest_cmd(files: &[PathBuf], db: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_attache"));
    c.arg("ingest")
        .args(files)
        .arg("--db")
        .arg(db)
        .args(["--batch", "50", "--quiet"]);
    // stderr goes to a file beside the database so a failure can say why.
    let log = std::fs::File::create(db.with_extension("stderr")).expect("stderr log");
    c.stdout(Stdio::null()).stderr(Stdio::from(log));
    c
}

fn stderr_of(db: &Path) -> String {
    std::fs::read_to_string(db.with_extension("stderr")).unwrap_or_default()
}

fn check_db(db: &Path) -> i64 {
    let store = attache_store::Store::open(db).expect("open after kill");
    assert_eq!(
        store.integrity_check().unwrap(),
        "ok",
        "integrity_check after a kill"
    );
    let conn = store.connection();
    // The full-text index agrees with its content table.
    conn.execute(
        "INSERT INTO documents_fts(documents_fts) VALUES('integrity-check')",
        [],
    )
    .expect("FTS index consistent");
    let (n, distinct): (i64, i64) = conn
        .query_row(
            "SELECT COUNT(*), COUNT(DISTINCT id) FROM documents",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(n, distinct);
    // Child rows never outlive or precede their document (each batch is one transaction).
    let orphans: i64 = conn
        .query_row(
            "SELECT COUNT(*) FROM events e LEFT JOIN documents d ON d.rid = e.doc_rid WHERE d.rid IS NULL",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(orphans, 0);
    n
}

#[test]
fn killed_ingest_leaves_a_sound_database_and_resumes_to_every_document_once() {
    let Some(files) = corpus() else {
        eprintln!("SKIP: ../shared/corpora/reuters21578 is absent");
        return;
    };
    let kills_wanted: usize = std::env::var("ATTACHE_CRASH_KILLS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(20);
    let expected = expected_ids(&files);
    assert!(!expected.is_empty());
    let dir = std::env::temp_dir().join(format!("attache-crash-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let db = dir.join("crash.db");

    let seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos() as u64;
    eprintln!(
        "crash test: {} files, {} documents expected, seed {seed}",
        files.len(),
        expected.len()
    );
    let mut rng = Lcg(seed);
    let mut kills = 0;
    let mut completed_runs = 0;
    let mut last = 0i64;
    let started = Instant::now();
    while kills < kills_wanted {
        let mut child = ingest_cmd(&files, &db).spawn().expect("run attache ingest");
        // Anywhere from start-up (dictionary loading) to deep inside a batch.
        let delay = Duration::from_secs_f64(0.2 + rng.unit() * 2.5);
        let t = Instant::now();
        let mut finished = false;
        while t.elapsed() < delay {
            if child.try_wait().unwrap().is_some() {
                finished = true;
                break;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        if finished {
            // The whole corpus went in before this kill: verify, then start over so that
            // every kill lands on a run in progress.
            assert!(
                child.wait().unwrap().success(),
                "ingest failed: {}",
                stderr_of(&db)
            );
            let n = check_db(&db);
            assert_eq!(n as usize, expected.len());
            completed_runs += 1;
            std::fs::remove_file(&db).unwrap();
            let _ = std::fs::remove_file(dir.join("crash.db-wal"));
            let _ = std::fs::remove_file(dir.join("crash.db-shm"));
            last = 0;
            continue;
        }
        child.kill().unwrap(); // SIGKILL: no chance to clean up
        child.wait().unwrap();
        kills += 1;
        if db.exists() {
            let n = check_db(&db);
            assert!(n >= last, "documents went from {last} to {n} after a kill");
            last = n;
        }
    }
    // Finish the run.
    let status = ingest_cmd(&files, &db).status().unwrap();
    assert!(status.success(), "final ingest failed: {}", stderr_of(&db));
    let n = check_db(&db);
    let store = attache_store::Store::open(&db).unwrap();
    let conn = store.connection();
    let mut stmt = conn.prepare("SELECT id FROM documents").unwrap();
    let stored: HashSet<String> = stmt
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(|r| r.unwrap())
        .collect();
    assert_eq!(n as usize, stored.len(), "a document stored twice");
    let missing: Vec<_> = expected.difference(&stored).take(5).collect();
    assert!(missing.is_empty(), "missing after resume: {missing:?}");
    let extra: Vec<_> = stored.difference(&expected).take(5).collect();
    assert!(extra.is_empty(), "unexpected documents: {extra:?}");
    eprintln!(
        "crash test: {kills} kills, {completed_runs} runs completed between kills, {} documents once each, {:.0} s",
        stored.len(),
        started.elapsed().as_secs_f64()
    );
}
