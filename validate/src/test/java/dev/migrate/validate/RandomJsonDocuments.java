package dev.migrate.validate;

import java.util.Random;

/**
 * Random JSON documents for the differential jsonb tests: objects, arrays and scalars drawn from
 * a test's own vocabularies of keys, strings and number texts, nested up to a depth.
 */
final class RandomJsonDocuments {

    private final String[] keys;
    private final String[] strings;
    private final String[] numbers;
    private final int maxDepth;
    private final int maxMembers;
    private final boolean spacedCommas;

    /**
     * @param maxDepth containers are only generated above this depth
     * @param maxMembers an object has fewer members than this
     * @param spacedCommas whether an object's members are sometimes separated by {@code " , "}
     */
    RandomJsonDocuments(
            String[] keys, String[] strings, String[] numbers, int maxDepth, int maxMembers, boolean spacedCommas) {
        this.keys = keys;
        this.strings = strings;
        this.numbers = numbers;
        this.maxDepth = maxDepth;
        this.maxMembers = maxMembers;
        this.spacedCommas = spacedCommas;
    }

    String document(Random r) {
        StringBuilder b = new StringBuilder();
        document(r, b, 0);
        return b.toString();
    }

    void document(Random r, StringBuilder b, int depth) {
        int kind = depth >= maxDepth ? 2 + r.nextInt(4) : r.nextInt(6);
        switch (kind) {
            case 0 -> {
                b.append('{');
                int n = r.nextInt(maxMembers);
                for (int i = 0; i < n; i++) {
                    if (i > 0) {
                        b.append(spacedCommas && !r.nextBoolean() ? " , " : ",");
                    }
                    b.append('"').append(keys[r.nextInt(keys.length)]).append("\":");
                    document(r, b, depth + 1);
                }
                b.append('}');
            }
            case 1 -> {
                b.append('[');
                int n = r.nextInt(5);
                for (int i = 0; i < n; i++) {
                    if (i > 0) {
                        b.append(',');
                    }
                    document(r, b, depth + 1);
                }
                b.append(']');
            }
            case 2 -> b.append(numbers[r.nextInt(numbers.length)]);
            case 3 -> b.append('"').append(strings[r.nextInt(strings.length)]).append('"');
            case 4 -> b.append(r.nextBoolean() ? "true" : "false");
            default -> b.append("null");
        }
    }
}
