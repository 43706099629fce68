//! The attache HTTP server: a read-only JSON API and a dashboard over one store file.
//!
//! SQLite is synchronous, so every request borrows a read-only connection from a small pool
//! inside `spawn_blocking`; the async side only routes and serialises.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use attache_store::Store;
use axum::routing::get;
use axum::Router;

mod api;
mod brief_page;
pub mod client;
mod pages;
pub mod svg;

pub use api::ApiError;

/// Connections kept open between requests.
const POOL_MAX: usize = 8;

/// Shared server state: the database path and a pool of read-only connections.
pub struct AppState {
    db: PathBuf,
    pool: Mutex<Vec<Store>>,
}

impl AppState {
    /// Checks that the database opens read-only (with the right schema) before serving.
    pub fn new(db: impl AsRef<Path>) -> Result<Arc<AppState>, attache_store::StoreError> {
        let first = Store::open_read_only(db.as_ref())?;
        Ok(Arc::new(AppState {
            db: db.as_ref().to_path_buf(),
            pool: Mutex::new(vec![first]),
        }))
    }

    /// Runs `f` with a pooled read-only connection on the blocking thread pool.
    pub(crate) async fn with_store<T, F>(self: &Arc<Self>, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&Store) -> Result<T, ApiError> + Send + 'static,
    {
        let state = Arc::clone(self);
        tokio::task::spawn_blocking(move || {
            let pooled = state.pool.lock().ok().and_then(|mut p| p.pop());
            let store = match pooled {
                Some(s) => s,
                None => Store::open_read_only(&state.db).map_err(ApiError::from)?,
            };
            let out = f(&store);
            if let Ok(mut p) = state.pool.lock() {
                if p.len() < POOL_MAX {
                    p.push(store);
                }
            }
            out
        })
        .await
        .map_err(|e| ApiError::Internal(format!("worker failed: {e}")))?
    }
}

/// All routes: `/api/...` JSON and the dashboard pages.
pub fn router(state: Arc<AppState>) -> Router {
    Router::new()
        .route("/api/health", get(api::health))
        .route("/api/pairs", get(api::pairs))
        .route("/api/pairs/{pair}", get(api::pair))
        .route("/api/events", get(api::events))
        .route("/api/facts", get(api::facts))
        .route("/api/documents", get(api::documents))
        .route("/api/documents/{id}", get(api::document))
        .route("/api/openapi.json", get(api::openapi))
        .route("/api/{*rest}", get(api::not_found))
        .route("/", get(pages::home))
        .route("/pairs/{pair}", get(pages::pair))
        .route("/pairs/{pair}/brief", get(brief_page::brief))
        .route("/documents/{id}", get(pages::document))
        .route("/search", get(pages::search))
        .route("/static/style.css", get(pages::style))
        .route("/static/app.js", get(pages::script))
        .fallback(pages::not_found)
        .with_state(state)
}

/// Serves on an already bound listener until `shutdown` resolves.
pub async fn serve(
    listener: tokio::net::TcpListener,
    state: Arc<AppState>,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(listener, router(state))
        .with_graceful_shutdown(shutdown)
        .await
}

/// A server running on its own runtime thread (used by tests and benchmarks); stops when
/// dropped.
pub struct RunningServer {
    pub addr: SocketAddr,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<std::io::Result<()>>>,
}

impl RunningServer {
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{}", self.addr, path)
    }
}

impl Drop for RunningServer {
    fn drop(&mut self) {
        if let Some(s) = self.stop.take() {
            let _ = s.send(());
        }
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

/// Binds `addr` (e.g. `127.0.0.1:0`) and serves `db` on a background thread.
pub fn spawn(db: impl AsRef<Path>, addr: &str) -> std::io::Result<RunningServer> {
    let state = AppState::new(db).map_err(std::io::Error::other)?;
    let std_listener = std::net::TcpListener::bind(addr)?;
    std_listener.set_nonblocking(true)?;
    let local = std_listener.local_addr()?;
    let (tx, rx) = tokio::sync::oneshot::channel::<()>();
    let thread = std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()?;
        rt.block_on(async move {
            let listener = tokio::net::TcpListener::from_std(std_listener)?;
            serve(listener, state, async {
                let _ = rx.await;
            })
            .await
        })
    });
    Ok(RunningServer {
        addr: local,
        stop: Some(tx),
        thread: Some(thread),
    })
}

/// Serves until Ctrl-C (the `attache serve` command).
pub fn run(db: impl AsRef<Path>, addr: &str) -> std::io::Result<()> {
    let state = AppState::new(db.as_ref()).map_err(std::io::Error::other)?;
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    rt.block_on(async move {
        let listener = tokio::net::TcpListener::bind(addr)
            .await
            .map_err(|e| std::io::Error::new(e.kind(), format!("cannot listen on {addr}: {e}")))?;
        let local = listener.local_addr()?;
        eprintln!(
            "attache: serving {} on http://{local}/ (API under /api/, Ctrl-C stops)",
            db.as_ref().display()
        );
        serve(listener, state, async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
    })
}
