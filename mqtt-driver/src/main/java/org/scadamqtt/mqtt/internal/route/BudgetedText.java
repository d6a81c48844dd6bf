package org.scadamqtt.mqtt.internal.route;

/**
 * A topic wrapped for one regular-expression evaluation: every character read costs one step,
 * and past the budget the evaluation is abandoned with {@link BudgetExceeded}. This bounds
 * catastrophic backtracking ({@code (a+)+$} against a long topic) deterministically, without
 * threads or timers, so the same topic always gets the same decision and the decision can be cached.
 */
final class BudgetedText implements CharSequence {

    /** Thrown when the budget is spent; shared and without stack trace, so throwing it is cheap. */
    static final class BudgetExceeded extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final BudgetExceeded INSTANCE = new BudgetExceeded();

        private BudgetExceeded() {
            super("regular expression step budget exceeded", null, false, false);
        }
    }

    private final String text;
    private final long budget;
    private long remaining;

    BudgetedText(String text, long budget) {
        this.text = text;
        this.budget = budget;
        this.remaining = budget;
    }

    /** @return the steps taken so far (the whole budget once it was exceeded) */
    long used() {
        return Math.min(budget, budget - remaining);
    }

    /** Counts the whole budget as used (an evaluation abandoned for another reason). */
    void spendAll() {
        remaining = Math.min(remaining, -1);
    }

    @Override
    public char charAt(int index) {
        if (--remaining < 0) {
            throw BudgetExceeded.INSTANCE;
        }
        return text.charAt(index);
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return text.subSequence(start, end);
    }

    @Override
    public String toString() {
        return text;
    }
}
