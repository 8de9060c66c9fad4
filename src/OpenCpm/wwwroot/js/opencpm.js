// Saves a file the server streamed to the browser (CSV exports of the web UI).
window.opencpmDownload = async (fileName, streamReference) => {
  const buffer = await streamReference.arrayBuffer();
  const url = URL.createObjectURL(new Blob([buffer], { type: "text/csv" }));
  const anchor = document.createElement("a");
  anchor.href = url;
  anchor.download = fileName ?? "";
  anchor.click();
  anchor.remove();
  URL.revokeObjectURL(url);
};
