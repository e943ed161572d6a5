package dev.migrate.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.core.types.StagingKind;
import dev.migrate.core.types.StagingType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Row hashes and the table checksum: order-independent sums that any changed value moves. */
class RowHasherTest {

    private static final List<StagingType> TYPES = List.of(
            StagingType.of(StagingKind.INT64), StagingType.of(StagingKind.TEXT), StagingType.of(StagingKind.JSONB));

    private static List<Object[]> rows(int n) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(new Object[] {(long) i, "name " + i, "{\"k\": " + i + ", \"a\": [1, 2]}"});
        }
        return rows;
    }

    private static RowHasher.Checksum checksum(List<Object[]> rows) {
        RowHasher hasher = new RowHasher(TYPES);
        RowHasher.Checksum sum = new RowHasher.Checksum();
        rows.forEach(r -> sum.add(hasher.hash(r)));
        return sum;
    }

    @Test
    void theChecksumDoesNotDependOnRowOrder() {
        List<Object[]> rows = rows(1000);
        RowHasher.Checksum inOrder = checksum(rows);
        Collections.shuffle(rows, new Random(3));
        RowHasher.Checksum shuffled = checksum(rows);
        assertThat(shuffled.sameAs(inOrder)).isTrue();
        assertThat(shuffled.hex()).isEqualTo(inOrder.hex()).hasSize(32);
        assertThat(shuffled.count()).isEqualTo(1000);
    }

    @Test
    void anyChangedValueOrAMissingRowChangesIt() {
        RowHasher.Checksum original = checksum(rows(100));
        for (int column = 0; column < TYPES.size(); column++) {
            List<Object[]> changed = rows(100);
            Object[] row = changed.get(42);
            row[column] = column == 0 ? (Object) 4242L : column == 1 ? "name 4242" : "{\"k\": 42, \"a\": [2, 1]}";
            assertThat(checksum(changed).hex()).as("column %d", column).isNotEqualTo(original.hex());
        }
        List<Object[]> nulled = rows(100);
        nulled.get(7)[1] = null;
        assertThat(checksum(nulled).hex()).isNotEqualTo(original.hex());
        List<Object[]> fewer = rows(100);
        fewer.remove(99);
        assertThat(checksum(fewer).hex()).isNotEqualTo(original.hex());
    }

    @Test
    void jsonbComparesByMeaningNotByText() {
        RowHasher hasher = new RowHasher(TYPES);
        long[] spaced = hasher.hash(new Object[] {1L, "x", "{\"b\": 1, \"a\": [1, 2]}"});
        long[] compact = hasher.hash(new Object[] {1L, "x", "{\"a\":[1,2],\"b\":1}"});
        assertThat(compact).containsExactly(spaced);
    }

    /** XXH3-128 itself, high half first: the reference value of the empty input (xxHash's own). */
    @Test
    void rowHashesAreXxh3With128BitsHighHalfFirst() {
        assertThat(RowHasher.digest(new byte[0], 0)).containsExactly(0x99aa06d3014798d8L, 0x6001c324468d497fL);
    }

    @Test
    void theSumCarriesFromTheLowIntoTheHighHalf() {
        RowHasher.Checksum sum = new RowHasher.Checksum();
        sum.add(new long[] {0, -1L});
        sum.add(new long[] {0, 1});
        assertThat(sum.hex()).isEqualTo("00000000000000010000000000000000");
        sum.add(new long[] {-1L, 0});
        assertThat(sum.hex()).isEqualTo("00000000000000000000000000000000");
        assertThat(sum.count()).isEqualTo(3);
    }
}
