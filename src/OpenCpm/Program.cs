using OpenCpm.Cli;

return await CommandLine.Build().Parse(args).InvokeAsync();
