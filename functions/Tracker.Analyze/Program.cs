using Tracker.Analyze;

return await AnalyzeEntry.RunAsync(args, Console.Out, Console.Error);
