<?php echo "legacy";
