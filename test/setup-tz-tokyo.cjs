process.env.TZ = 'Asia/Tokyo';
