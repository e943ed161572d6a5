/**
 * The type mapping as data: one ordered rule table per direction, first match wins, mirrored in
 * {@code schema_design/type-mapping.md} (rendered by {@link
 * dev.migrate.core.mapping.TypeMappingDocument} and checked by a test).
 */
package dev.migrate.core.mapping;
