/**
 * The staging type vocabulary ({@link dev.migrate.core.types.StagingType}) and one
 * {@link dev.migrate.core.types.ValueCodec} per type that writes and reads its JSON form
 * losslessly. The canonical Java value of every type is documented on {@link
 * dev.migrate.core.types.StagingKind}.
 */
package dev.migrate.core.types;
