package org.spoolmail.plugins.deliver.smtp;

import java.util.Optional;
import java.util.OptionalLong;

import org.spoolmail.exits.mail.Disposition;
import org.spoolmail.exits.mail.SmtpReply;

/**
 * How one mail transaction ended, when it ended with an answer the relay gave (failures that may pass are thrown
 * as {@link org.spoolmail.exits.TransientStageException} instead).
 *
 * @param disposition delivered (possibly with refused recipients) or rejected
 * @param sizeOctets octets of the message before dot-stuffing, when the data was sent
 * @param finalReply the relay's last reply of the transaction, if any
 */
record TransactionResult(Disposition disposition, OptionalLong sizeOctets, Optional<SmtpReply> finalReply) {
}
