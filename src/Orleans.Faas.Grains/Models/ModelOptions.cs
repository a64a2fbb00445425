using System.ComponentModel.DataAnnotations;

namespace Orleans.Faas.Models;

/// <summary>How the cluster trains its runtime model (<c>Faas:Models</c>).</summary>
public sealed class ModelOptions
{
    public const string Section = "Faas:Models";

    /// <summary>Train by itself when enough new runs are in the history; off, only on request.</summary>
    public bool AutoTrain { get; set; } = true;

    /// <summary>Completed runs since the last training that start the next one.</summary>
    [Range(1, 1_000_000)]
    public int MinNewRows { get; set; } = 50;

    /// <summary>The newest completed runs a model is trained on; older ones are left out.</summary>
    [Range(20, 1_000_000)]
    public int Window { get; set; } = 2000;

    /// <summary>How often the trainer looks for new runs.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often every silo looks for a newly promoted model.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Train in a child process (the default), so FastTree's full garbage collections never stall this silo; in-process
    /// is for test clusters that have no silo program to start.
    /// </summary>
    public bool OutOfProcess { get; set; } = true;
}
