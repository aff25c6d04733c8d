using KubeSharp.Cli;

return await NodeCli.RunAsync(args);
