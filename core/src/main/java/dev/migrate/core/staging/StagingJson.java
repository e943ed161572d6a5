package dev.migrate.core.staging;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** The one Jackson configuration for staging files, manifests and reports. */
public final class StagingJson {

    /**
     * Streaming factory for table files. Jackson's default limits (20 MB strings, 1000 digits)
     * would refuse legitimate cells such as multi-megabyte BLOBs, so they are lifted.
     */
    public static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxStringLength(Integer.MAX_VALUE)
                    .maxNumberLength(100_000)
                    .maxNestingDepth(10_000)
                    .build())
            .build();

    /** Mapper for the manifest and reports: pretty-printed, strict about unknown fields. */
    public static final ObjectMapper MAPPER = JsonMapper.builder(FACTORY)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private StagingJson() {}
}
