-- The readers of bench/mixed.sh (issue 16), for wrk: each connection a closed loop whose next page is half the
-- time a tag page (the tag drawn by Zipf, s = 1, over the tags' ranks, most used first), 20 % a thread page drawn
-- uniformly, 10 % /all and 20 % the home stream of one of the signed-in people (their session cookies, NAME=value).
-- Usage: wrk ... -s bench/mixed.lua http://127.0.0.1:PORT -- TAGS_FILE THREADS_FILE SESSIONS_FILE [ACCEPT_ENCODING]
-- (ACCEPT_ENCODING: sent with every request, "gzip" as browsers do; none by default, as wrk sends none)

local tags, threads, sessions, cumulative = {}, {}, {}, {}

local seeds = 0

function setup(thread)
   seeds = seeds + 1
   thread:set("seed", seeds)
end

local function lines(path)
   local list = {}
   for line in io.lines(path) do
      if line ~= "" then
         list[#list + 1] = line
      end
   end
   return list
end

-- A tag key in a path: its UTF-8 bytes percent-encoded, its slashes kept (/tag/écologie/forêt).
local function encode(key)
   return (key:gsub("[^%w%-%._~/]", function(c)
      return string.format("%%%02X", c:byte())
   end))
end

local html = { ["Accept"] = "text/html" }
local encoding = nil

function init(args)
   tags, threads, sessions = lines(args[1]), lines(args[2]), lines(args[3])
   if args[4] ~= nil and args[4] ~= "" then
      encoding = args[4]
      html["Accept-Encoding"] = encoding
   end
   local sum = 0
   for rank = 1, #tags do
      sum = sum + 1 / rank
      cumulative[rank] = sum
   end
   for rank = 1, #tags do
      cumulative[rank] = cumulative[rank] / sum
   end
   math.randomseed(seed)
end

-- The first rank whose cumulative share reaches a uniform draw.
local function zipf()
   local draw, low, high = math.random(), 1, #cumulative
   while low < high do
      local middle = math.floor((low + high) / 2)
      if cumulative[middle] < draw then
         low = middle + 1
      else
         high = middle
      end
   end
   return tags[low]
end

function request()
   local draw = math.random(100)
   if draw <= 50 then
      return wrk.format("GET", "/tag/" .. encode(zipf()), html)
   elseif draw <= 70 then
      return wrk.format("GET", "/messages/" .. threads[math.random(#threads)], html)
   elseif draw <= 80 then
      return wrk.format("GET", "/all", html)
   end
   return wrk.format("GET", "/", {
      ["Accept"] = "text/html",
      ["Accept-Encoding"] = encoding,
      ["Cookie"] = sessions[math.random(#sessions)],
   })
end
