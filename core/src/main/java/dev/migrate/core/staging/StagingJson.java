package dev.migrate.core.staging;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** The one Jackson configuration for staging files, manifests and reports. */
public final class StagingJson {

    /**
     * Streaming factory for table files. Jackson's default limits (20 MB strings, 1000 digits,
     * depth 1000) would refuse legitimate cells such as multi-megabyte BLOBs or huge decimals, so
     * they are lifted. Characters outside the BMP are written as 4-byte UTF-8, not as escaped
     * surrogate pairs, so files read naturally in an editor or {@code jq}.
     */
    public static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxStringLength(Integer.MAX_VALUE)
                    .maxNumberLength(200_000)
                    .maxNestingDepth(10_000)
                    .maxNameLength(Integer.MAX_VALUE)
                    .build())
            .streamWriteConstraints(
                    StreamWriteConstraints.builder().maxNestingDepth(10_000).build())
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
            .build();

    /** Mapper for the manifest and reports: pretty-printed, strict about unknown fields. */
    public static final ObjectMapper MAPPER = JsonMapper.builder(FACTORY)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private StagingJson() {}
}
