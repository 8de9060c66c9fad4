'use strict';
// An independent Central System for OpenCPM's interop tests: ocpp-rpc 2.2.1 in strict mode (its own OCPP 1.6 JSON
// schemas validate every CALL and CALLRESULT in both directions). Driven by the test over stdin/stdout, one JSON object
// per line. Nothing but ocpp-rpc is needed.
//
// Start:   node ocpp-csms-peer.js ['{"protocols":["ocpp1.6"],"basicAuth":{"<identity>":"<password>"},
//                                     "tls":{"cert":PEM,"key":PEM,"ca"?:PEM,"requestCert"?:bool}}']
//          With "tls" a second listener speaks wss:// (Node's https server; with requestCert the client certificate is asked
//          for and checked against "ca" but not required; the "connected" event reports it as clientCertificate {subject, issuer, authorized}).
// Out:     {"event":"listening","port":N,"tlsPort"?:M} first, then events: connected, refused, message, handled,
//          strictValidationFailure, badMessage, rawReply, disconnect, and {"event":"reply","id":…} for each command.
// Commands (each with a numeric "id"):
//   {"cmd":"call","identity":…,"action":…,"params":{…},"timeoutMs":…}   a CALL to the charge point
//   {"cmd":"sendRaw","identity":…,"text":…}                             any text, well-formed or not
//   {"cmd":"respond","action":…,"identity"?:…,"result"?:{…},"error"?:{"code":…,"message":…},"noReply"?:true}
//   {"cmd":"validate","items":[{"schema":"urn:<Action>.req|conf","payload":…}]}   ocpp-rpc's validator verdicts
//   {"cmd":"close","identity":…,"code"?:…,"reason"?:…}
//   {"cmd":"offline","identity":…,"offline":true|false}   while offline the identity's connection is closed and refused (HTTP 503)
//   {"cmd":"shutdown"}
// Every event carries "at": the peer's clock in milliseconds since 1970 when it was emitted.
const readline = require('readline');
const https = require('https');
const { RPCServer, createRPCError, NOREPLY } = require('ocpp-rpc');
const [validator16] = require('ocpp-rpc/lib/standard-validators');

const config = JSON.parse(process.argv[2] || '{}');
const protocols = config.protocols || ['ocpp1.6'];
const basicAuth = config.basicAuth || {};
const clients = new Map();
const rawIds = new Map();
const responses = new Map();
const offline = new Set();
let nextTransactionId = 1000;

function emit(event) {
    process.stdout.write(JSON.stringify({ ...event, at: Date.now() }) + '\n');
}

function clientCertificateOf(request) {
    const socket = request && request.socket;
    if (!socket || typeof socket.getPeerCertificate !== 'function') return null;
    const certificate = socket.getPeerCertificate();
    if (!certificate || !certificate.subject) return null;
    return { subject: certificate.subject, issuer: certificate.issuer, authorized: socket.authorized === true };
}

function messageIdOf(text) {
    try {
        const frame = JSON.parse(text);
        return Array.isArray(frame) && typeof frame[1] === 'string' ? { type: frame[0], id: frame[1] } : null;
    } catch {
        return null;
    }
}

const defaults = {
    BootNotification: () => ({ status: 'Accepted', currentTime: new Date().toISOString(), interval: 300 }),
    Heartbeat: () => ({ currentTime: new Date().toISOString() }),
    Authorize: () => ({ idTagInfo: { status: 'Accepted' } }),
    StartTransaction: () => ({ idTagInfo: { status: 'Accepted' }, transactionId: nextTransactionId++ }),
    StopTransaction: () => ({ idTagInfo: { status: 'Accepted' } }),
    StatusNotification: () => ({}),
    MeterValues: () => ({}),
    DataTransfer: () => ({ status: 'UnknownVendorId' }),
    DiagnosticsStatusNotification: () => ({}),
    FirmwareStatusNotification: () => ({}),
    LogStatusNotification: () => ({}),
    SecurityEventNotification: () => ({}),
    SignedFirmwareStatusNotification: () => ({}),
    SignCertificate: () => ({ status: 'Accepted' }),
};

const server = new RPCServer({
    protocols,
    strictMode: true,
    callConcurrency: 1,
    respondWithDetailedErrors: false,
});

server.auth((accept, reject, handshake) => {
    if (offline.has(handshake.identity)) {
        emit({ event: 'refused', identity: handshake.identity, reason: 'offline' });
        reject(503, 'Service Unavailable');
        return;
    }
    const expected = basicAuth[handshake.identity];
    if (expected !== undefined && (!handshake.password || handshake.password.toString('utf8') !== expected)) {
        reject(401, 'Unauthorized');
        return;
    }
    accept({ offered: [...handshake.protocols], password: handshake.password ? handshake.password.toString('utf8') : null, clientCertificate: clientCertificateOf(handshake.request) });
});

server.on('client', client => {
    const identity = client.identity;
    if (!protocols.includes(client.protocol)) {
        // OCPP-J 1.6 §3.2: no agreed subprotocol → complete the handshake without one and close at once (ocpp-rpc#64).
        emit({ event: 'refused', identity, offered: client.session.offered, reason: 'no agreed subprotocol' });
        client.close({ code: 1002, reason: 'no agreed OCPP subprotocol' });
        return;
    }

    clients.set(identity, client);
    rawIds.set(identity, new Set());
    emit({ event: 'connected', identity, protocol: client.protocol, offered: client.session.offered, password: client.session.password, endpoint: client.handshake.endpoint, secure: !!(client.handshake.request && client.handshake.request.socket && client.handshake.request.socket.encrypted), clientCertificate: client.session.clientCertificate });

    client.on('message', ({ message, outbound }) => emit({ event: 'message', identity, outbound, message: message.toString() }));
    client.on('strictValidationFailure', ({ method, outbound, isCall, error, params, result }) =>
        emit({ event: 'strictValidationFailure', identity, method, outbound, isCall, code: error.rpcErrorCode, error: error.message, params, result }));
    client.on('badMessage', ({ buffer, error, response }) => {
        const text = buffer.toString();
        const frame = messageIdOf(text);
        if (frame && (frame.type === 3 || frame.type === 4) && rawIds.get(identity)?.has(frame.id)) {
            emit({ event: 'rawReply', identity, messageId: frame.id, message: text });
            return;
        }
        emit({ event: 'badMessage', identity, message: text, error: error.message, response });
    });
    client.on('close', ({ code, reason }) => {
        clients.delete(identity);
        emit({ event: 'disconnect', identity, code, reason: reason ? reason.toString() : '' });
    });

    client.handle(({ method, params }) => {
        const canned = responses.get(`${identity}:${method}`) || responses.get(`*:${method}`);
        emit({ event: 'handled', identity, action: method, params });
        if (canned) {
            if (canned.noReply) return NOREPLY;
            if (canned.error) throw createRPCError(canned.error.code, canned.error.message || '', {});
            return canned.result;
        }
        if (defaults[method]) return defaults[method](params);
        throw createRPCError('NotImplemented', `the test CSMS does not handle ${method}`, {});
    });
});

async function run(command) {
    switch (command.cmd) {
        case 'call': {
            const client = clients.get(command.identity);
            if (!client) throw new Error(`no client ${command.identity}`);
            return await client.call(command.action, command.params || {}, { callTimeoutMs: command.timeoutMs || 10000 });
        }
        case 'sendRaw': {
            const client = clients.get(command.identity);
            if (!client) throw new Error(`no client ${command.identity}`);
            // The id of a frame that is not JSON (truncated, say) is still the string after the type number.
            const id = messageIdOf(command.text)?.id ?? /^\s*\[\s*\d+\s*,\s*"([^"]*)"/.exec(command.text)?.[1];
            if (id !== undefined) rawIds.get(command.identity).add(id);
            client.sendRaw(command.text);
            return null;
        }
        case 'respond':
            responses.set(`${command.identity || '*'}:${command.action}`, { result: command.result, error: command.error, noReply: command.noReply });
            return null;
        case 'validate':
            return command.items.map(({ schema, payload }) => {
                try {
                    validator16.validate(schema, payload);
                    return { valid: true };
                } catch (error) {
                    return { valid: false, code: error.rpcErrorCode, keyword: error.details?.errors?.[0]?.keyword ?? null, message: error.message };
                }
            });
        case 'close': {
            const client = clients.get(command.identity);
            if (!client) throw new Error(`no client ${command.identity}`);
            return await client.close({ code: command.code || 1000, reason: command.reason || '' });
        }
        case 'offline': {
            if (command.offline) {
                offline.add(command.identity);
                const client = clients.get(command.identity);
                if (client) await client.close({ code: 1001, reason: 'going offline', force: true });
            } else {
                offline.delete(command.identity);
            }
            return null;
        }
        case 'shutdown':
            await server.close({ force: true });
            setImmediate(() => process.exit(0));
            return null;
        default:
            throw new Error(`unknown command ${command.cmd}`);
    }
}

(async () => {
    const http = await server.listen(0, '127.0.0.1');
    let tlsPort;
    if (config.tls) {
        const secure = https.createServer({
            cert: config.tls.cert,
            key: config.tls.key,
            ca: config.tls.ca,
            requestCert: !!config.tls.requestCert,
            rejectUnauthorized: false, // a connection without (or with a wrong) client certificate goes on; "authorized" tells
        });
        secure.on('upgrade', server.handleUpgrade);
        secure.on('tlsClientError', error => emit({ event: 'tlsClientError', error: error.message }));
        await new Promise(resolve => secure.listen(0, '127.0.0.1', resolve));
        tlsPort = secure.address().port;
    }
    emit({ event: 'listening', port: http.address().port, tlsPort });
    const lines = readline.createInterface({ input: process.stdin });
    lines.on('line', line => {
        if (!line.trim()) return;
        let command;
        try {
            command = JSON.parse(line);
        } catch (error) {
            emit({ event: 'reply', id: null, ok: false, error: { code: 'BadCommand', message: error.message } });
            return;
        }
        run(command).then(
            result => emit({ event: 'reply', id: command.id, ok: true, result: result ?? null }),
            error => emit({ event: 'reply', id: command.id, ok: false, error: { code: error.rpcErrorCode || error.name, message: error.message, details: error.details || null } }));
    });
    lines.on('close', () => {
        server.close({ force: true }).finally(() => process.exit(0));
    });
})().catch(error => {
    process.stderr.write(String(error && error.stack || error) + '\n');
    process.exit(1);
});
