using ReformTrack.Cli;

return await CliApp.RunAsync(args);
