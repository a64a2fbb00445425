using System.Text;
using Orleans.Faas.Tasks;
using Razorvine.Pickle;

namespace Orleans.Faas.Gateway.Compat.Mpcs;

/// <summary>
/// What a FAILED task's MPCS result is: the exception the function raised, as its container pickled it; or, for a task
/// that failed outside Python (timeout, memory, cancelled, a lost node), a built-in Python exception saying why,
/// pickled here (only ever dumped in the silo, never loaded) so that a client unpickles every failure alike.
/// </summary>
public static class FailurePickle
{
    static FailurePickle() => Pickler.registerCustomPickler(typeof(BuiltinException), new BuiltinExceptionPickler());

    public static string Of(TaskResult result)
    {
        var task = result.Task;
        if (task.FailureReason == FailureReasons.Exception && result.Output.Length > 0)
            return Encoding.ASCII.GetString(result.Output);
        var type = task.FailureReason switch
        {
            FailureReasons.Timeout => "TimeoutError",
            FailureReasons.OutOfMemory => "MemoryError",
            _ => "RuntimeError",
        };
        using var pickler = new Pickler();
        return Convert.ToBase64String(pickler.dumps(new BuiltinException(type, $"{task.FailureReason}: {task.Error}")));
    }

    private sealed record BuiltinException(string Type, string Message);

    /// <summary>Pickles <c>builtins.TYPE(message)</c>: the class by reference, called on a one-element tuple.</summary>
    private sealed class BuiltinExceptionPickler : IObjectPickler
    {
        public void pickle(object o, Stream outs, Pickler currentPickler)
        {
            var exception = (BuiltinException)o;
            outs.WriteByte(Opcodes.GLOBAL);
            outs.Write(Encoding.ASCII.GetBytes($"builtins\n{exception.Type}\n"));
            currentPickler.save(new object[] { exception.Message });
            outs.WriteByte(Opcodes.REDUCE);
        }
    }
}
