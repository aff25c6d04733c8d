using KubeSharp.Cli;

return await Cli.RunAsync(args);
