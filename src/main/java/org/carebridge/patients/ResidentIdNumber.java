package org.carebridge.patients;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * The 18-character resident identity number (GB 11643-1999): 6 digits of address, 8 of birth date,
 * 3 of sequence (odd for men, even for women) and a check character by ISO 7064 MOD 11-2.
 */
public final class ResidentIdNumber {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

    private ResidentIdNumber() {
    }

    public static char checkCharacter(String first17Digits) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17Digits.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    /** Builds a valid number from an address code, a birth date and a sequence number (0-999). */
    public static String of(String addressCode, LocalDate birthDate, int sequence) {
        String body = addressCode + String.format("%04d%02d%02d%03d",
                birthDate.getYear(), birthDate.getMonthValue(), birthDate.getDayOfMonth(), sequence);
        return body + checkCharacter(body);
    }

    /** Why the number is not valid, or null when it is. */
    public static String problem(String number) {
        if (number == null || !number.matches("\\d{17}[0-9X]")) {
            return "must be 17 digits followed by a digit or X";
        }
        if (birthDate(number) == null) {
            return "holds no valid birth date";
        }
        if (checkCharacter(number) != number.charAt(17)) {
            return "has a wrong check character";
        }
        return null;
    }

    static LocalDate birthDate(String number) {
        try {
            return LocalDate.of(Integer.parseInt(number.substring(6, 10)),
                    Integer.parseInt(number.substring(10, 12)), Integer.parseInt(number.substring(12, 14)));
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }
}
