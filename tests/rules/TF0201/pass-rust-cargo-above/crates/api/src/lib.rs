use axum::Router;
