package io.caravel.platform;

/** How personal numbers are shown to those who may not read them whole: the first and last four characters. */
public final class Masks {

    private Masks() {
    }

    /** "1101**********0000" for an ID number; "****" for a short one; null stays null. */
    public static String idNumber(String idNumber) {
        if (idNumber == null || idNumber.length() <= 8) {
            return idNumber == null ? null : "****";
        }
        return idNumber.substring(0, 4) + "*".repeat(idNumber.length() - 8) + idNumber.substring(idNumber.length() - 4);
    }
}
