package vn.dondoc.notification;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * A real SMTP server (GreenMail) on the loopback interface, for the embedded set-up: mail goes out over
 * SMTP exactly as it would to a relay, and what arrived can be listed (the mailbox page). Mail is kept in
 * memory and is gone after a restart.
 */
public class EmbeddedSmtpServer implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedSmtpServer.class);

	private final GreenMail greenMail;

	private final int port;

	EmbeddedSmtpServer(int requestedPort) {
		this.port = requestedPort == 0 ? freePort() : requestedPort;
		ServerSetup setup = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
		this.greenMail = new GreenMail(setup);
		this.greenMail.start();
		log.info("Embedded SMTP server listening on 127.0.0.1:{}", port);
	}

	public int port() {
		return port;
	}

	/** Every message received since start, oldest first. */
	public List<MimeMessage> receivedMessages() {
		return List.of(greenMail.getReceivedMessages());
	}

	@Override
	public void destroy() {
		greenMail.stop();
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException e) {
			throw new IllegalStateException("No free port for the embedded SMTP server", e);
		}
	}

}
