using System.Diagnostics;

namespace Orleans.Faas.IntegrationTests.Hosting;

public static class ProcessLog
{
    /// <summary>Appends what the process writes, standard output and error alike, line by line to a file (a restarted server's to what it wrote before); both must be redirected.</summary>
    public static void LogInto(this Process process, string path)
    {
        var log = new StreamWriter(path, append: true) { AutoFlush = true };
        DataReceivedEventHandler write = (_, e) =>
        {
            if (e.Data is not null)
                lock (log) log.WriteLine(e.Data);
        };
        process.OutputDataReceived += write;
        process.ErrorDataReceived += write;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }
}
