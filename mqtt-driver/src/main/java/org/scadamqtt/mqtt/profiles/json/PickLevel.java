package org.scadamqtt.mqtt.profiles.json;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.scadamqtt.mqtt.profile.JsonPath;

/**
 * One level of the tree of branches a station's paths reach: which field names and array indexes
 * of an object or array lead on, or {@link #whole} when the entire subtree is needed. Built once
 * per station; field names are also kept as UTF-8 bytes with a hash table so {@link JsonByteReader}
 * matches them in the payload without turning them into strings. Immutable once built.
 */
final class PickLevel {

    /** Hash of UTF-8 name bytes as the reader computes it while scanning a name. */
    static int hash(byte[] b, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + b[i];
        }
        return h;
    }

    private final List<String> names = new ArrayList<>();
    private final List<PickLevel> nameLevels = new ArrayList<>();
    private final List<Integer> indexes = new ArrayList<>();
    private final List<PickLevel> indexLevels = new ArrayList<>();
    boolean whole;

    // filled by freeze()
    private byte[][] nameBytes;
    private int[] slots; // open addressing by hash: slot -> name number + 1, 0 = empty
    private PickLevel[] byIndex; // index -> level, null where no path goes on
    private Map<String, PickLevel> byName;
    private int fieldCount;

    private PickLevel() {
    }

    /** The levels of these paths, ready to read with. */
    static PickLevel of(Collection<JsonPath> paths) {
        PickLevel root = new PickLevel();
        for (JsonPath p : paths) {
            PickLevel l = root;
            for (int i = 0; i < p.depth(); i++) {
                Object step = p.step(i);
                l = step instanceof String s ? l.field(s, true) : l.index((Integer) step, true);
            }
            l.whole = true;
        }
        root.freeze();
        return root;
    }

    private PickLevel field(String name, boolean add) {
        int i = names.indexOf(name);
        if (i < 0 && add) {
            names.add(name);
            nameLevels.add(new PickLevel());
            i = names.size() - 1;
        }
        return i < 0 ? null : nameLevels.get(i);
    }

    private PickLevel index(int index, boolean add) {
        int i = indexes.indexOf(index);
        if (i < 0 && add) {
            indexes.add(index);
            indexLevels.add(new PickLevel());
            i = indexes.size() - 1;
        }
        return i < 0 ? null : indexLevels.get(i);
    }

    private void freeze() {
        fieldCount = names.size();
        byName = new HashMap<>();
        for (int n = 0; n < fieldCount; n++) {
            byName.put(names.get(n), nameLevels.get(n));
        }
        nameBytes = new byte[fieldCount][];
        slots = new int[Integer.highestOneBit(Math.max(1, fieldCount) * 4)];
        for (int n = 0; n < fieldCount; n++) {
            nameBytes[n] = names.get(n).getBytes(StandardCharsets.UTF_8);
            int s = hash(nameBytes[n], 0, nameBytes[n].length) & (slots.length - 1);
            while (slots[s] != 0) {
                s = (s + 1) & (slots.length - 1);
            }
            slots[s] = n + 1;
        }
        int max = indexes.stream().mapToInt(Integer::intValue).max().orElse(-1);
        byIndex = new PickLevel[max + 1];
        for (int n = 0; n < indexes.size(); n++) {
            byIndex[indexes.get(n)] = indexLevels.get(n);
        }
        nameLevels.forEach(PickLevel::freeze);
        indexLevels.forEach(PickLevel::freeze);
    }

    /** The level of a field name (for the Jackson path); null when no path goes on. */
    PickLevel field(String name) {
        return byName.get(name);
    }

    /** The level of array element {@code i} (0-based); null when no path goes on. */
    PickLevel index(int i) {
        return i < byIndex.length ? byIndex[i] : null;
    }

    /** How many fields of an object a path goes on through (to size the object's map). */
    int fieldCount() {
        return fieldCount;
    }

    /** The highest array index a path goes on through, plus 1 (elements after it are not kept). */
    int indexLimit() {
        return byIndex.length;
    }

    /**
     * The number of the field whose UTF-8 name is {@code b[from..to)} with hash {@code h}, or -1.
     * Valid UTF-8 encodes each string one way only, so equal bytes mean equal names.
     */
    int fieldNumber(byte[] b, int from, int to, int h) {
        int mask = slots.length - 1;
        for (int s = h & mask;; s = (s + 1) & mask) {
            int n = slots[s] - 1;
            if (n < 0) {
                return -1;
            }
            byte[] name = nameBytes[n];
            if (name.length == to - from && sameBytes(name, b, from)) {
                return n;
            }
        }
    }

    // names are short: a plain loop beats Arrays.equals' vectorized set-up here
    private static boolean sameBytes(byte[] name, byte[] b, int from) {
        for (int i = 0; i < name.length; i++) {
            if (name[i] != b[from + i]) {
                return false;
            }
        }
        return true;
    }

    String fieldName(int n) {
        return names.get(n);
    }

    PickLevel fieldLevel(int n) {
        return nameLevels.get(n);
    }

    /**
     * Whether every field name survives the trip to UTF-8 and back (a name with a lone surrogate
     * does not); when one does not, byte comparison could disagree with the string comparison
     * Jackson's path makes, so the byte reader is not used.
     */
    boolean namesRoundTrip() {
        for (int n = 0; n < fieldCount; n++) {
            if (!new String(nameBytes[n], StandardCharsets.UTF_8).equals(names.get(n))
                    || !nameLevels.get(n).namesRoundTrip()) {
                return false;
            }
        }
        for (PickLevel l : indexLevels) {
            if (!l.namesRoundTrip()) {
                return false;
            }
        }
        return true;
    }
}
