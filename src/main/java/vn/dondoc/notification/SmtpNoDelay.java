package vn.dondoc.notification;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.Properties;

import javax.net.SocketFactory;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Turns Nagle's algorithm off on dondoc's SMTP connections (plain, and STARTTLS, which starts plain).
 * <p>
 * JavaMail ends each message with a short write of its own. With Nagle's algorithm on, that write waits
 * until the server acknowledges the previous segment, and the server delays its acknowledgement (40 ms on
 * Linux) because it has nothing to answer before the message has ended: every message took at least that
 * long, and one connection could not carry more than about 18 messages a second of dondoc's size (73 with
 * the option set; measured against GreenMail, see BENCHMARKS.md). Connections with SSL from the start
 * ({@code mail.smtp.ssl.enable}, or protocol {@code smtps}), and senders given a socket factory of their
 * own, are left as configured: JavaMail would use this plain factory in place of the SSL one.
 */
final class SmtpNoDelay implements BeanPostProcessor {

	static final String SOCKET_FACTORY = "mail.smtp.socketFactory";

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof JavaMailSenderImpl sender) {
			apply(sender.getProtocol(), sender.getJavaMailProperties());
		}
		return bean;
	}

	/** Sets the socket factory when the connection starts plain and none is set; whether it did. */
	static boolean apply(String protocol, Properties properties) {
		if ((protocol != null && !"smtp".equals(protocol)) || Boolean.parseBoolean(properties.getProperty("mail.smtp.ssl.enable"))
				|| properties.get(SOCKET_FACTORY) != null || properties.getProperty(SOCKET_FACTORY + ".class") != null) {
			return false;
		}
		properties.put(SOCKET_FACTORY, new NoDelaySocketFactory());
		return true;
	}

	/** Plain sockets with {@code TCP_NODELAY}. */
	static final class NoDelaySocketFactory extends SocketFactory {

		@Override
		public Socket createSocket() throws IOException {
			return noDelay(new Socket());
		}

		@Override
		public Socket createSocket(String host, int port) throws IOException {
			return noDelay(new Socket(host, port));
		}

		@Override
		public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
			return noDelay(new Socket(host, port, localHost, localPort));
		}

		@Override
		public Socket createSocket(InetAddress host, int port) throws IOException {
			return noDelay(new Socket(host, port));
		}

		@Override
		public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
			return noDelay(new Socket(address, port, localAddress, localPort));
		}

		private static Socket noDelay(Socket socket) throws IOException {
			socket.setTcpNoDelay(true);
			return socket;
		}

		@Override
		public String toString() {
			return "TCP_NODELAY";
		}

	}

}
