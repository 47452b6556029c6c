using Pathway.Cli;

return await PathwayCli.RunAsync(args);
