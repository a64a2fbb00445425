using System.ComponentModel;
using Orleans.Faas.Runtime.Files;
using Orleans.Faas.Runtime.Runners;

namespace Orleans.Faas.Runtime.Processes;

/// <summary>A run's working folder: made fresh in the temp folder (mode 0700), given to the run's user, removed with all it holds afterwards.</summary>
internal sealed class RunFolder
{
    private RunFolder(string path) => Path = path;

    public string Path { get; }

    /// <param name="account">The user the run switches to; null keeps the folder the silo's.</param>
    /// <exception cref="FunctionStartException">The folder could not be given to <paramref name="account"/>.</exception>
    public static RunFolder Create(RunAccount? account)
    {
        var folder = Directory.CreateTempSubdirectory("faas-run-");
        if (account is null)
            return new RunFolder(folder.FullName);
        try
        {
            Ownership.Give(folder.FullName, account.Uid, account.Gid);
            return new RunFolder(folder.FullName);
        }
        catch (Win32Exception e)
        {
            folder.Delete();
            throw new FunctionStartException($"The working folder of a process run could not be given to {account}: {e.Message}", e);
        }
    }

    /// <summary>Removes it with all it holds, never following a link that the run's user, who can write in it, put there.</summary>
    /// <exception cref="IOException">Something in it could not be removed.</exception>
    public void Remove() => FolderRemoval.Remove(Path);
}
