console.log("jobs");
