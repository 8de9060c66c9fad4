#!/usr/bin/python3
"""Independent FTP/FTPS server for the OpenCPM file-transfer tests, built on pyftpdlib (Debian python3-pyftpdlib;
python3-openssl for --tls).

Usage: ftp-server.py --home DIR [--user NAME --password SECRET] [--anonymous] [--no-epsv] [--masquerade ADDRESS]
                     [--tls CERT.pem KEY.pem]

  --home        the folder served (the user's and the anonymous login's root)
  --user/--password  a user with all rights in DIR
  --anonymous   also an anonymous login, read-only
  --no-epsv     EPSV answered 502 (the client must fall back to PASV)
  --masquerade  the address PASV names in its 227 reply (a server behind NAT); the client must ignore it
  --tls         explicit FTPS (AUTH TLS) with this certificate and key, TLS required on control and data connections

Listens on 127.0.0.1 on a free port (passive data ports free ones too, chosen by the system) and prints
"LISTENING <port>" once it accepts connections; exits when stdin closes.
"""

import argparse
import logging
import os
import sys
import threading

from pyftpdlib.authorizers import DummyAuthorizer
from pyftpdlib.handlers import FTPHandler
from pyftpdlib.servers import FTPServer


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--home", required=True)
    parser.add_argument("--user")
    parser.add_argument("--password")
    parser.add_argument("--anonymous", action="store_true")
    parser.add_argument("--no-epsv", action="store_true")
    parser.add_argument("--masquerade")
    parser.add_argument("--tls", nargs=2, metavar=("CERT", "KEY"))
    args = parser.parse_args()

    base = FTPHandler
    if args.tls:
        from pyftpdlib.handlers import TLS_FTPHandler
        base = TLS_FTPHandler

    class Handler(base):
        def ftp_EPSV(self, line):
            if args.no_epsv:
                self.respond("502 Command not implemented.")
            else:
                super().ftp_EPSV(line)

    authorizer = DummyAuthorizer()
    if args.user:
        authorizer.add_user(args.user, args.password or "", args.home, perm="elradfmwMT")
    if args.anonymous:
        authorizer.add_anonymous(args.home)
    Handler.authorizer = authorizer
    Handler.auth_failed_timeout = 0  # answer a wrong password at once (the default waits 3 s)
    Handler.banner = "pyftpdlib test server ready."
    if args.masquerade:
        Handler.masquerade_address = args.masquerade
    if args.tls:
        Handler.certfile, Handler.keyfile = args.tls
        Handler.tls_control_required = True
        Handler.tls_data_required = True

    logging.basicConfig(level=logging.WARNING, stream=sys.stderr)
    server = FTPServer(("127.0.0.1", 0), Handler)

    def exit_when_stdin_closes():
        sys.stdin.read()
        os._exit(0)

    threading.Thread(target=exit_when_stdin_closes, daemon=True).start()
    print("LISTENING %d" % server.socket.getsockname()[1], flush=True)
    server.serve_forever(handle_exit=False)


if __name__ == "__main__":
    main()
