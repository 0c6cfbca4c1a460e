"""gunicorn's threaded worker, with each request read whole before a thread takes it.

gthread gives a connection to a thread as soon as its first byte arrives, and the thread reads
the rest: a client sending one byte every few seconds holds it for as long as it likes (a read
timeout bounds each read, not the request). Here the worker's event loop reads every request,
head and body, without blocking, and hands it to a thread only once it is all in; a client that
has not sent its whole request REQUEST_DEADLINE seconds after connecting (or, on a kept-alive
connection, after its next request began) is dropped. A slow client costs a buffer, never a
thread. A connection being closed lingers in the event loop too (gthread lingers up to 2 s
in it, blocking every other connection meanwhile). Plain HTTP only: TLS, if any, ends at a proxy
in front.

Answers gunicorn writes itself (a bad request line, an oversized head) carry the security
headers and `no-store`, and a fixed text: nothing the client sent is echoed.
"""

import errno
import os
import re
import selectors
import socket
import time
from collections import deque
from functools import partial
from typing import Any

from gunicorn.workers.gthread import TConn, ThreadWorker

from dashboard.hardening import ERROR_HEADERS, MAX_BODY

REQUEST_DEADLINE = float(os.environ.get("WEB_READ_TIMEOUT", "10"))
MAX_HEAD = 32 * 1024  # request line and headers: a browser's, cookies included, are far less
RECV_SIZE = 64 * 1024
LINGER = 2.0  # seconds a closed connection is drained for the client's last bytes
CONTENT_LENGTH = re.compile(rb"\r\ncontent-length:[ \t]*([0-9]{1,18})[ \t]*(?=\r\n)")
CHUNKED = re.compile(rb"\r\ntransfer-encoding:[^\r]*chunked")
EXPECT = re.compile(rb"\r\nexpect:[ \t]*100-continue[ \t]*\r\n")
CONTINUE = b"HTTP/1.1 100 Continue\r\n\r\n"


def error_answer(status: int, reason: str) -> bytes:
    """A complete HTTP answer: status, security headers, and a one-line fixed text."""
    body = f"{status} {reason}\n".encode()
    headers = ERROR_HEADERS | {"Connection": "close", "Content-Length": str(len(body))}
    head = f"HTTP/1.1 {status} {reason}\r\n" + "".join(f"{k}: {v}\r\n" for k, v in headers.items())
    return head.encode("latin-1") + b"\r\n" + body


def refusal(data: bytes) -> bytes | None:
    """The answer to a request that is refused before it is all in, if it is: a head
    longer than MAX_HEAD, or a body declared longer than the app takes."""
    end = data.find(b"\r\n\r\n")
    if end < 0:
        too_long = len(data) > MAX_HEAD
        return error_answer(431, "Request Header Fields Too Large") if too_long else None
    length = CONTENT_LENGTH.search(data[: end + 2].lower())
    if length and int(length[1]) > MAX_BODY:
        return error_answer(413, "Content Too Large")
    return None


def complete(data: bytes) -> bool:
    """Whether `data` holds a whole request: its head, then its body (as long as
    Content-Length says, or up to the last chunk)."""
    end = data.find(b"\r\n\r\n")
    if end < 0:
        return False
    head = data[: end + 2].lower()
    if CHUNKED.search(head):
        return data.endswith(b"0\r\n\r\n")
    length = CONTENT_LENGTH.search(head)
    return len(data) - end - 4 >= (int(length[1]) if length else 0)


def expects_continue(data: bytes) -> bool:
    """Whether a request whose head is in asks for 100 Continue before sending its body."""
    end = data.find(b"\r\n\r\n")
    return end >= 0 and bool(EXPECT.search(data[: end + 2].lower()))


class Worker(ThreadWorker):  # type: ignore[misc]
    """gthread, with requests read by the event loop (see the module's docstring)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.arriving: deque[TConn] = deque()  # in order of deadline
        self.lingering: deque[TConn] = deque()  # closed for writing, being drained

    def accept(self, listener: socket.socket) -> None:
        try:
            sock, address = listener.accept()
        except OSError as error:
            if error.errno not in (errno.EAGAIN, errno.ECONNABORTED, errno.EWOULDBLOCK):
                raise
            return
        self.nr_conns += 1
        self.arrive(TConn(self.cfg, sock, address, listener.getsockname()), b"")

    def on_client_socket_readable(self, conn: TConn, client: socket.socket) -> None:
        """A kept-alive connection's next request begins."""
        self.poller.unregister(client)
        self.keepalived_conns.remove(conn)
        self.arrive(conn, b"")

    def arrive(self, conn: TConn, data: bytes) -> None:
        """Read the connection's next request in the event loop, from `data` on."""
        conn.sock.setblocking(False)
        conn.received = bytearray(data)
        conn.continued = False  # whether 100 Continue was sent for this request
        conn.timeout = time.monotonic() + REQUEST_DEADLINE
        self.arriving.append(conn)
        self.poller.register(conn.sock, selectors.EVENT_READ, partial(self.on_bytes, conn))
        if data:
            self.consider(conn)

    def on_bytes(self, conn: TConn, client: socket.socket) -> None:
        try:
            chunk = conn.sock.recv(RECV_SIZE)
        except (BlockingIOError, InterruptedError):
            return
        except OSError:
            chunk = b""
        if not chunk:
            self.drop(conn)
            return
        conn.received += chunk
        self.consider(conn)

    def consider(self, conn: TConn) -> None:
        """Refuse the request, hand it to a thread once it is all in, or wait for more."""
        answer = refusal(conn.received)
        if answer is not None:
            try:
                conn.sock.send(answer)
            except OSError:
                pass
            self.drop(conn)
        elif complete(conn.received):
            self.poller.unregister(conn.sock)
            self.arriving.remove(conn)
            data, conn.received = bytes(conn.received), bytearray()
            conn.init()  # the parser, on a connection's first request
            conn.parser.unreader.unread(data)
            conn.data_ready = True
            self.enqueue_req(conn)
        elif not conn.continued and expects_continue(conn.received):
            conn.continued = True  # the client waits for it before sending its body
            try:
                conn.sock.send(CONTINUE)
            except OSError:
                pass

    def drop(self, conn: TConn) -> None:
        self.poller.unregister(conn.sock)
        self.arriving.remove(conn)
        self.nr_conns -= 1
        conn.close()

    def murder_pending(self) -> None:
        """Drop the connections whose request is not all in by its deadline, and close
        those that lingered long enough."""
        super().murder_pending()
        now = time.monotonic()
        while self.arriving and self.arriving[0].timeout <= now:
            self.drop(self.arriving[0])
        while self.lingering and self.lingering[0].timeout <= now:
            self.unlinger(self.lingering[0])

    def finish_request(self, conn: TConn, fs: Any) -> None:
        """As gthread's, but bytes of a next request read along with the last one are read
        on by the event loop, not by a thread, and a closing connection lingers there."""
        done = self.alive and not fs.cancelled() and fs.exception() is None
        if done and fs.result() is True:
            ahead = conn.parser.unreader.take_buffered()
            if ahead:
                self.arrive(conn, ahead)
                return
        elif done and fs.result() is False:
            self.nr_conns -= 1
            self.linger(conn)
            return
        super().finish_request(conn, fs)

    def linger(self, conn: TConn) -> None:
        """Close for writing, then drain what the client still sends (RFC 9112 9.6) for up
        to LINGER seconds, in the event loop."""
        try:
            conn.sock.shutdown(socket.SHUT_WR)
            conn.sock.setblocking(False)
        except OSError:
            conn.close()
            return
        conn.timeout = time.monotonic() + LINGER
        self.lingering.append(conn)
        self.poller.register(conn.sock, selectors.EVENT_READ, partial(self.on_linger, conn))

    def on_linger(self, conn: TConn, client: socket.socket) -> None:
        try:
            if conn.sock.recv(RECV_SIZE):
                return
        except (BlockingIOError, InterruptedError):
            return
        except OSError:
            pass
        self.unlinger(conn)

    def unlinger(self, conn: TConn) -> None:
        self.poller.unregister(conn.sock)
        self.lingering.remove(conn)
        conn.close()

    def handle_error(self, req: Any, client: socket.socket, addr: Any, exc: Exception) -> None:
        """gunicorn's own error answer, rewritten by SecureErrors."""
        super().handle_error(req, SecureErrors(client), addr, exc)


class SecureErrors:
    """A socket whose sendall turns gunicorn's HTML error page into error_answer's."""

    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock

    def gettimeout(self) -> float | None:
        return self.sock.gettimeout()

    def setblocking(self, flag: bool) -> None:
        self.sock.setblocking(flag)

    def sendall(self, data: bytes) -> None:
        _, status, reason = data.split(b"\r\n", 1)[0].decode("latin-1").split(" ", 2)
        self.sock.sendall(error_answer(int(status), reason))
