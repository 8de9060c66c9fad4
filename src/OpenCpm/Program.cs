using OpenCpm.Cli;

return await CommandLine.InvokeAsync(args);
