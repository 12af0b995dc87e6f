// A recording proxy for the network tests: the browser sends every connection through it;
// it notes each host asked for, tunnels *.cpoms.net to the replica, and refuses the rest.
import http from 'node:http';
import net from 'node:net';

export async function startProxy(replicaPort) {
  const hosts = [];
  const server = http.createServer((req, res) => {
    hosts.push(new URL(req.url, 'http://unknown').host);
    res.writeHead(502).end();
  });
  server.on('connect', (req, socket, head) => {
    hosts.push(req.url);
    socket.on('error', () => {});
    if (!req.url.split(':')[0].endsWith('.cpoms.net')) {
      socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
      return;
    }
    const upstream = net.connect(replicaPort, '127.0.0.1', () => {
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(socket);
      socket.pipe(upstream);
    });
    upstream.on('error', () => socket.destroy());
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    port: server.address().port,
    hosts,
    close: () => new Promise((ok) => { server.closeAllConnections?.(); server.close(ok); }),
  };
}
