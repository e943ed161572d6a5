/**
 * Test support shared by every module (published as migrate-core's test-jar): a real PostgreSQL
 * server per JVM and a fresh database per test class, SQL script loading, dataset locations.
 */
package dev.migrate.testing;
