package org.scadamqtt.tag.convert;

/**
 * Recognises decimal numbers written as text ({@code 42}, {@code -0.5}, {@code +1e3},
 * {@code .5}) without throwing, so that the parsers called afterwards never fail. Hexadecimal,
 * {@code NaN}, {@code Infinity} and decimal commas are not numbers here.
 */
final class DecimalText {

    /** Exponents with more digits than this are refused: they overflow or underflow every type. */
    private static final int MAX_EXPONENT_DIGITS = 4;

    private DecimalText() {
    }

    /** Whether {@code s} (already trimmed) is a decimal number. */
    static boolean isDecimal(String s) {
        int n = s.length();
        int i = 0;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        int intDigits = 0;
        while (i < n && isDigit(s.charAt(i))) {
            i++;
            intDigits++;
        }
        int fracDigits = 0;
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
                fracDigits++;
            }
        }
        if (intDigits + fracDigits == 0) {
            return false;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int expDigits = 0;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
                expDigits++;
            }
            if (expDigits == 0 || expDigits > MAX_EXPONENT_DIGITS) {
                return false;
            }
        }
        return i == n;
    }

    /** Whether {@code s} is an optional sign and at most 18 digits: fits a long, parse directly. */
    static boolean isShortInteger(String s) {
        int n = s.length();
        int i = n > 0 && (s.charAt(0) == '+' || s.charAt(0) == '-') ? 1 : 0;
        if (n == i || n - i > 18) {
            return false;
        }
        for (; i < n; i++) {
            if (!isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
