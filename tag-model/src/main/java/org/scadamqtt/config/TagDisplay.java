package org.scadamqtt.config;

/**
 * How a tag is shown to operators (optional XML attributes of {@code <tag>}): a description, the
 * engineering unit, a display format, and alarm limits of numeric tags. Nothing here changes how
 * the driver reads or writes the tag.
 *
 * @param description free text, empty when none
 * @param unit        engineering unit ("°C", "kW"), empty when none
 * @param format      display format {@code %.Nf}, {@code %.Ne} or {@code %d}; empty: the value as it is
 * @param low         low limit (warning), or null
 * @param high        high limit (warning), or null
 * @param lowLow      low-low limit (alarm), or null
 * @param highHigh    high-high limit (alarm), or null
 */
public record TagDisplay(String description, String unit, String format, Double low, Double high, Double lowLow,
        Double highHigh) {

    /** A tag with no display attributes. */
    public static final TagDisplay NONE = new TagDisplay("", "", "", null, null, null, null);

    public TagDisplay {
        description = description == null ? "" : description;
        unit = unit == null ? "" : unit;
        format = format == null ? "" : format;
    }

    /** Whether any limit is set. */
    public boolean hasLimits() {
        return low != null || high != null || lowLow != null || highHigh != null;
    }
}
