package org.scadamqtt.host.tags;

import java.util.List;

/**
 * What a configuration reload did.
 *
 * @param applied      whether the new configuration runs now; false: refused, the old one runs
 * @param message      one sentence for the operator
 * @param errors       why it was refused ({@code file:line:column: message [CODE]}), empty when applied
 * @param warnings     the new file's warnings ({@code file:line:column: warning: message [CODE]})
 * @param started      lines started
 * @param reconfigured lines handed their changed configuration
 * @param stopped      lines stopped
 * @param unchanged    lines left alone
 */
public record ReloadResult(boolean applied, String message, List<String> errors, List<String> warnings,
        List<String> started, List<String> reconfigured, List<String> stopped, List<String> unchanged) {

    public ReloadResult {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
        started = List.copyOf(started);
        reconfigured = List.copyOf(reconfigured);
        stopped = List.copyOf(stopped);
        unchanged = List.copyOf(unchanged);
    }

    /** A reload refused; the running configuration stays. */
    public static ReloadResult refused(String message, List<String> errors, List<String> warnings) {
        return new ReloadResult(false, message, errors, warnings, List.of(), List.of(), List.of(), List.of());
    }
}
