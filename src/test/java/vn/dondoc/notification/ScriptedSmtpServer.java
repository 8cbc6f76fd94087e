package vn.dondoc.notification;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny SMTP server on a real loopback socket that answers as told by the recipient's address:
 * {@code reject…@} gets {@code 550 5.1.1}, {@code busy…@} gets {@code 451 4.3.0}, anyone else is accepted.
 * It counts connections and accepted messages, so a test can see one connection carry a whole batch.
 */
final class ScriptedSmtpServer implements AutoCloseable {

	static final String REJECTED_ANSWER = "550 5.1.1 Recipient address rejected: User unknown in virtual mailbox table";

	static final String BUSY_ANSWER = "451 4.3.0 Temporary lookup failure, try again later";

	private final ServerSocket socket;

	private final ExecutorService threads = Executors.newCachedThreadPool();

	final AtomicInteger connections = new AtomicInteger();

	final AtomicInteger accepted = new AtomicInteger();

	ScriptedSmtpServer() throws IOException {
		socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		threads.submit(this::acceptConnections);
	}

	int port() {
		return socket.getLocalPort();
	}

	private void acceptConnections() {
		while (!socket.isClosed()) {
			try {
				Socket client = socket.accept();
				connections.incrementAndGet();
				threads.submit(() -> converse(client));
			}
			catch (IOException e) {
				return; // closed
			}
		}
	}

	private void converse(Socket client) {
		try (client;
				BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.ISO_8859_1));
				OutputStream out = client.getOutputStream()) {
			reply(out, "220 scripted.example ESMTP");
			String line;
			while ((line = in.readLine()) != null) {
				String command = line.toUpperCase(Locale.ROOT);
				if (command.startsWith("EHLO") || command.startsWith("HELO")) {
					reply(out, "250 scripted.example");
				}
				else if (command.startsWith("MAIL FROM")) {
					reply(out, "250 2.1.0 Ok");
				}
				else if (command.startsWith("RCPT TO")) {
					String address = line.substring(line.indexOf('<') + 1, line.lastIndexOf('>')).toLowerCase(Locale.ROOT);
					reply(out, address.startsWith("reject") ? REJECTED_ANSWER
							: address.startsWith("busy") ? BUSY_ANSWER : "250 2.1.5 Ok");
				}
				else if (command.equals("DATA")) {
					reply(out, "354 End data with <CR><LF>.<CR><LF>");
					while ((line = in.readLine()) != null && !line.equals(".")) {
						// the message itself is of no interest here
					}
					accepted.incrementAndGet();
					reply(out, "250 2.0.0 Ok: queued");
				}
				else if (command.startsWith("RSET") || command.startsWith("NOOP")) {
					reply(out, "250 2.0.0 Ok");
				}
				else if (command.startsWith("QUIT")) {
					reply(out, "221 2.0.0 Bye");
					return;
				}
				else {
					reply(out, "502 5.5.2 Error: command not recognized");
				}
			}
		}
		catch (IOException e) {
			// the client went away
		}
	}

	private static void reply(OutputStream out, String line) throws IOException {
		out.write((line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
		out.flush();
	}

	@Override
	public void close() throws IOException {
		socket.close();
		threads.shutdownNow();
	}

}
