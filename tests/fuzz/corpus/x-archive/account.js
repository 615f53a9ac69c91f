window.YTD.account.part0 = [{"account": {"accountId": "1", "username": "oven", "accountDisplayName": "The Oven"}}]
