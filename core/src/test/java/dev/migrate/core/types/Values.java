package dev.migrate.core.types;

import java.util.Arrays;
import java.util.List;

/** Exact equality of canonical values for tests: byte arrays by content, doubles by bits (-0.0 is not 0.0), lists deeply. */
public final class Values {

    private Values() {}

    public static boolean same(Object a, Object b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a instanceof byte[] x && b instanceof byte[] y) {
            return Arrays.equals(x, y);
        }
        if (a instanceof Double x && b instanceof Double y) {
            return Double.doubleToRawLongBits(x) == Double.doubleToRawLongBits(y) || (x.isNaN() && y.isNaN());
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!same(x.get(i), y.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return a.getClass() == b.getClass() && a.equals(b);
    }

    /** A readable rendering for failure messages. */
    public static String show(Object v) {
        if (v instanceof byte[] b) {
            return "bytes" + Arrays.toString(b);
        }
        if (v instanceof Double d) {
            return d + " (bits " + Long.toHexString(Double.doubleToRawLongBits(d)) + ")";
        }
        if (v instanceof List<?> l) {
            StringBuilder s = new StringBuilder("[");
            for (Object o : l) {
                s.append(s.length() > 1 ? ", " : "").append(show(o));
            }
            return s.append("]").toString();
        }
        return v == null ? "null" : v + " (" + v.getClass().getSimpleName() + ")";
    }
}
