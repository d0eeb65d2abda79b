using Tracker.Cli;

return await TrackerCli.RunAsync(args, Console.Out, Console.Error);
