// Saves a file the server streamed to the browser (CSV and configuration exports, log archives of the web UI).
window.opencpmDownload = async (fileName, streamReference, contentType) => {
  const buffer = await streamReference.arrayBuffer();
  const url = URL.createObjectURL(new Blob([buffer], { type: contentType ?? "application/octet-stream" }));
  const anchor = document.createElement("a");
  anchor.href = url;
  anchor.download = fileName ?? "";
  anchor.click();
  anchor.remove();
  URL.revokeObjectURL(url);
};

// The browser's clock, to compare with the controller's (Configuration › Device).
window.opencpmNow = () => new Date().toISOString();
