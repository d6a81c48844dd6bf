package org.scadamqtt.driver;

/**
 * The outcome of a station action ({@link Driver#stationAction}).
 *
 * @param ok      true when the driver did what the action asks (sent a request, not: the device obeyed)
 * @param message a sentence for the operator and the audit trail: what was done, or why not
 */
public record ActionResult(boolean ok, String message) {

    public ActionResult {
        message = message == null ? "" : message;
    }

    /** The action was carried out. */
    public static ActionResult done(String message) {
        return new ActionResult(true, message);
    }

    /** The action was refused or failed. */
    public static ActionResult failed(String message) {
        return new ActionResult(false, message);
    }
}
