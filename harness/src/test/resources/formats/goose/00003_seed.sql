-- +goose Up
INSERT INTO users (name) VALUES ('ann');
