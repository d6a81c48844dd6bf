package org.scadamqtt.config.xml;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.scadamqtt.config.ConfigProblem;
import org.scadamqtt.config.SourceLocation;
import org.scadamqtt.config.TagDisplay;
import org.scadamqtt.tag.TagType;
import org.scadamqtt.tag.convert.Conversion;
import org.scadamqtt.tag.convert.ValueConverter;
import org.xml.sax.Attributes;

/**
 * The optional attributes of {@code <tag>} that do not change how the driver reads a message:
 * description, unit, display format, limits, and an output's {@code default} value. Checked here
 * with a located sentence for each problem.
 */
final class TagExtras {

    /** The attributes read, in the order they are reported. */
    static final List<String> NAMES = List.of("description", "unit", "format", "lowLow", "low", "high", "highHigh",
            "default", "writable");
    private static final Pattern FORMAT = Pattern.compile("%(\\.[0-9][fe]|d)");
    private static final List<TagType> NUMERIC = List.of(TagType.Ai, TagType.Ao, TagType.Ci, TagType.Co, TagType.TiR,
            TagType.ToR);

    private final String tag;
    private final TagType type;
    private final SourceLocation at;
    private final List<ConfigProblem> problems;

    TagExtras(String tag, TagType type, SourceLocation at, List<ConfigProblem> problems) {
        this.tag = tag;
        this.type = type;
        this.at = at;
        this.problems = problems;
    }

    /** Copies the attributes that are present into {@code into}. */
    static void collect(Attributes atts, Map<String, String> into) {
        for (String name : NAMES) {
            String v = atts.getValue("", name);
            if (v != null) {
                into.put(name, v);
            }
        }
    }

    TagDisplay display(Map<String, String> raw) {
        String format = raw.getOrDefault("format", "").strip();
        if (!format.isEmpty() && !FORMAT.matcher(format).matches()) {
            problem("BAD_VALUE", "tag '" + tag + "' has format '" + format + "'; write %.Nf (N decimals, e.g. %.2f), "
                    + "%.Ne (exponent, e.g. %.3e) or %d (whole number)");
            format = "";
        }
        Double lowLow = limit(raw, "lowLow");
        Double low = limit(raw, "low");
        Double high = limit(raw, "high");
        Double highHigh = limit(raw, "highHigh");
        if (!format.isEmpty() && !NUMERIC.contains(type)) {
            problem("NOT_NUMERIC", "tag '" + tag + "' is " + type + " and has a format; formats are for numeric tags ("
                    + "Ai, Ao, Ci, Co, TiR, ToR)");
            format = "";
        }
        ordered("lowLow", lowLow, "low", low);
        ordered("low", low, "high", high);
        ordered("high", high, "highHigh", highHigh);
        ordered("lowLow", lowLow, "highHigh", highHigh);
        return new TagDisplay(raw.getOrDefault("description", "").strip(), raw.getOrDefault("unit", "").strip(),
                format, low, high, lowLow, highHigh);
    }

    /** The {@code default} converted to the tag's type, or null (absent, or a problem reported). */
    Object defaultValue(String raw) {
        if (raw == null) {
            return null;
        }
        if (!type.isOutput()) {
            problem("NOT_OUTPUT", "tag '" + tag + "' is an input (" + type + ") and has a default; only output tags "
                    + "(Ao, Co, Do, TxtO, ToA, ToR) take a default value");
            return null;
        }
        Conversion c = ValueConverter.UTC.convert(raw, type);
        if (!c.isOk()) {
            problem("BAD_VALUE", "tag '" + tag + "' has default '" + raw + "', which is not a " + type + " value: "
                    + c.error());
            return null;
        }
        return c.value();
    }

    /** {@code writable="true"}: an input tag the host may write too; false when absent or refused. */
    boolean writable(String raw) {
        if (raw == null) {
            return false;
        }
        String v = raw.strip();
        if (!v.equals("true") && !v.equals("false")) {
            problem("BAD_VALUE", "tag '" + tag + "' has writable '" + raw + "'; write true or false");
            return false;
        }
        if (v.equals("true") && type.isOutput()) {
            problem("NOT_INPUT", "tag '" + tag + "' is an output (" + type + ") and is marked writable; output tags "
                    + "are writable anyway: writable=\"true\" is for input tags whose address the line can also send");
            return false;
        }
        return v.equals("true");
    }

    private Double limit(Map<String, String> raw, String name) {
        String v = raw.get(name);
        if (v == null) {
            return null;
        }
        if (!NUMERIC.contains(type)) {
            problem("NOT_NUMERIC", "tag '" + tag + "' is " + type + " and has " + name + "; limits are for numeric tags "
                    + "(Ai, Ao, Ci, Co, TiR, ToR)");
            return null;
        }
        try {
            double d = Double.parseDouble(v.strip());
            if (Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problem("BAD_VALUE", "tag '" + tag + "' has " + name + " '" + v + "'; a limit is a number, e.g. 95.5");
        return null;
    }

    private void ordered(String lowName, Double lowValue, String highName, Double highValue) {
        if (lowValue != null && highValue != null && lowValue > highValue) {
            problem("BAD_VALUE", "tag '" + tag + "' has " + lowName + " " + lowValue + " above " + highName + " "
                    + highValue + "; limits must be lowLow <= low <= high <= highHigh");
        }
    }

    private void problem(String code, String message) {
        problems.add(new ConfigProblem(at, code, message));
    }
}
