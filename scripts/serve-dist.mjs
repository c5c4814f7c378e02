// A small static file server for dist/: what `npm start` serves. It serves exactly the tested
// production build (no in-memory recompiling), with the CORS header Office expects.
import { createReadStream, statSync } from "node:fs";
import http from "node:http";
import https from "node:https";
import { extname, join, normalize, sep } from "node:path";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".xml": "application/xml; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/**
 * Starts serving `root`. Resolves with the listening server once it is up; rejects with the
 * listen error (e.g. EADDRINUSE).
 * @param {{ root: string, port: number, certs: { ca: string, cert: string, key: string } | null }} options
 */
export function serveDist({ root, port, certs }) {
  const handler = (req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    const file = normalize(join(root, path === "/" ? "taskpane.html" : path));
    const headers = { "Access-Control-Allow-Origin": "*", "Cache-Control": "no-cache" };
    let size = -1;
    try {
      if (file.startsWith(root + sep)) size = statSync(file).isFile() ? statSync(file).size : -1;
    } catch {
      /* not found */
    }
    if (size < 0) {
      res
        .writeHead(404, { ...headers, "Content-Type": "text/plain; charset=utf-8" })
        .end(`not found: ${path}\n`);
      return;
    }
    const type = TYPES[extname(file).toLowerCase()] || "application/octet-stream";
    res.writeHead(200, { ...headers, "Content-Type": type, "Content-Length": size });
    if (req.method === "HEAD") res.end();
    else createReadStream(file).pipe(res);
  };
  const server = certs ? https.createServer(certs, handler) : http.createServer(handler);
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    // All interfaces, as webpack-dev-server does: "localhost" may be ::1 or 127.0.0.1 per client.
    server.listen(port, () => resolve(server));
  });
}
