package org.spoolmail.kernel.cli;

import java.util.List;

/**
 * Writing systems a batch mail must carry exactly, with display names, a subject phrase and body lines in each:
 * Latin with German and French diacritics, Greek, Japanese (no blanks between words), and emoji outside the BMP
 * (surrogate pairs, a ZWJ sequence, flags of two regional indicators).
 */
enum Script {
    GERMAN("Jürgen Weiß-Müller", "Bärbel Schön",
            "Größenänderung der Überweisungsdatei für Jürgen Weiß – Prüfung läuft; ",
            List.of("Sehr geehrte Frau Schön,", "die Überweisungsdatei ist geprüft: 4711 Sätze, Summe 12,50 €.",
                    "Mit freundlichen Grüßen aus der Rechenzentrale")),
    FRENCH("François Lefèvre", "Hélène Côté-Dubœuf",
            "Relevé trimestriel : échéance à régulariser, reçu déjà envoyé à l'hôtel ? ",
            List.of("Madame Côté-Dubœuf,", "le relevé du trimestre est prêt ; l'échéance reste à régler.",
                    "Veuillez agréer nos salutations distinguées.")),
    GREEK("Ελένη Παπαδοπούλου", "Γιώργος Αλεξίου",
            "Μηνιαία αναφορά χρήσης δίσκου για την υπηρεσία μισθοδοσίας · ",
            List.of("Αγαπητέ κύριε Αλεξίου,", "η αναφορά του μήνα είναι έτοιμη· ο δίσκος είναι γεμάτος κατά 93%.",
                    "Με εκτίμηση")),
    JAPANESE("山田 太郎", "佐藤 花子",
            "ディスク使用量の日次報告書（給与計算システム）、確認をお願いします。",
            List.of("佐藤様", "本日のディスク使用量は九十三パーセントです。", "よろしくお願いいたします。")),
    EMOJI("Ops 🚀 Team", "Backup 🤖 Bot 👩‍💻",
            "Backup 📦 done ✅ disks 💾 at 93 % 🔥 flags 🇩🇪🇫🇷🇬🇷🇯🇵 ",
            List.of("Status: ✅ 📦 💾", "Heat: 🔥🔥🔥 at 93 % 👩‍💻 on call", "🇩🇪🇫🇷🇬🇷🇯🇵"));

    final String displayName;
    final String otherName;
    final List<String> body;
    private final String phrase;

    Script(String displayName, String otherName, String phrase, List<String> body) {
        this.displayName = displayName;
        this.otherName = otherName;
        this.phrase = phrase;
        this.body = body;
    }

    /** @return the phrase repeated to exactly 300 characters (code points), ending in a non-blank */
    String subject() {
        String repeated = phrase.repeat(300);
        String subject = repeated.substring(0, repeated.offsetByCodePoints(0, 300));
        return subject.endsWith(" ") ? subject.substring(0, subject.length() - 1) + "!" : subject;
    }
}
