/**
 * {@code migrate demo}: the whole round trip (collapse one user of the reference multi-user
 * database into SQLite, expand it back) on an embedded PostgreSQL, with nothing to install.
 */
package dev.migrate.cli.demo;
