package org.spoolmail.plugins.deliver.smtp;

import java.util.Optional;
import java.util.OptionalLong;

import org.spoolmail.exits.mail.Disposition;
import org.spoolmail.exits.mail.SmtpReply;

/**
 * How one mail transaction ended, when it ended with an answer the relay gave (a connection or protocol failure is
 * thrown as {@link org.spoolmail.exits.TransientStageException} instead).
 *
 * @param disposition delivered (possibly with refused or deferred recipients), deferred or rejected, with one
 *     result per forward-path when the relay answered for them
 * @param sizeOctets octets of the message before dot-stuffing, when the data was sent
 * @param finalReply the relay's last reply of the transaction, if any
 * @param reusable false when the session must not carry another transaction (the relay closed it with 421, or
 *     RSET failed)
 */
record TransactionResult(Disposition disposition, OptionalLong sizeOctets, Optional<SmtpReply> finalReply,
        boolean reusable) {
}
