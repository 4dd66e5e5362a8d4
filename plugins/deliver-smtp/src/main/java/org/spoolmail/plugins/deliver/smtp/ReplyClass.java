package org.spoolmail.plugins.deliver.smtp;

/**
 * Which reply classes each step of the dialogue allows (RFC 5321 section 4.3.2, RFC 4954 section 4): 4xx and 5xx
 * always; otherwise 354 to DATA, 235 or 334 to AUTH and each answer to its challenge, and 2xx to the greeting and
 * every other command. Anything else means relay and client are out of step.
 */
final class ReplyClass {

    private ReplyClass() {
    }

    /**
     * @param command the verb (upper case), {@code greeting} or {@code end of data}
     * @param reply the reply to it
     * @throws SmtpProtocolException naming the command and the reply if the class does not fit
     */
    static void check(String command, ServerReply reply) throws SmtpProtocolException {
        if (reply.isTransient() || reply.isPermanent() || fits(command, reply.code())) {
            return;
        }
        throw new SmtpProtocolException("protocol error: the reply to " + command + " was " + reply + " where "
                + due(command) + " is due", reply);
    }

    private static boolean fits(String command, int code) {
        return switch (command) {
            case "DATA" -> code == 354;
            case "AUTH" -> code == 235 || code == 334;
            default -> code / 100 == 2;
        };
    }

    private static String due(String command) {
        return switch (command) {
            case "DATA" -> "354 (or 4xx, 5xx)";
            case "AUTH" -> "235 or 334 (or 4xx, 5xx)";
            default -> "2xx (or 4xx, 5xx)";
        };
    }
}
